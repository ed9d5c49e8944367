/**
 * Reference rows (family {@code reference}): what a model gets under the shared protocol without being a sequence
 * model.
 *
 * <ul>
 *   <li>{@link io.github.lrabench.models.baseline.BagOfPixelsProvider} ({@code bag-of-pixels}): embeddings without
 *       positions, averaged over the sequence, then a small MLP; blind to where a pixel is (the position-blind
 *       floor).</li>
 *   <li>{@link io.github.lrabench.models.baseline.LinearProvider} ({@code linear}): one linear map from the whole
 *       sequence to the classes (the position-aware linear floor).</li>
 *   <li>{@link io.github.lrabench.models.baseline.CnnProvider} ({@code cnn}): the sequence laid back out on its
 *       square grid and classified by a convolutional network (ResNet-20 in its {@code paper} variant); the
 *       image-native architecture the sequence models are compared with.</li>
 * </ul>
 */
package io.github.lrabench.models.baseline;
