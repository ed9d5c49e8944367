/**
 * The model SPI of lra-bench and the value types that cross module borders.
 *
 * <p>A model plugin implements {@link io.github.lrabench.api.SequenceClassifierProvider} and registers it in
 * {@code META-INF/services/io.github.lrabench.api.SequenceClassifierProvider}; {@link
 * io.github.lrabench.api.ModelRegistry} finds providers on the class path and in a plugin directory of jars.
 */
package io.github.lrabench.api;
