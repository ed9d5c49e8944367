package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;

/**
 * The validated hyperparameters of {@code bag-of-pixels}, read from {@code lra.models.bag-of-pixels}.
 *
 * @param embeddingSize d, the width of each step's embedding (key {@code embedding-size})
 * @param hiddenSize the hidden width of the MLP head (key {@code hidden-size})
 */
record BagOfPixelsConfig(int embeddingSize, int hiddenSize) {

    /**
     * Reads and validates every key, reporting all problems in one exception.
     *
     * @param config the provider's block with the chosen variant merged on top
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    static BagOfPixelsConfig from(Config config) {
        ConfigReader reader = new ConfigReader(config, BagOfPixelsProvider.ID);
        int embeddingSize = reader.positiveInt("embedding-size");
        int hiddenSize = reader.positiveInt("hidden-size");
        reader.throwIfInvalid("bag-of-pixels");
        return new BagOfPixelsConfig(embeddingSize, hiddenSize);
    }

    /**
     * Returns the forward FLOPs of one sequence (a multiply-add counts 2, an addition 1): the projection of
     * continuous steps, the mean over positions, and the two dense layers.
     *
     * @param task the task
     * @return the FLOPs
     */
    long forwardFlops(io.github.lrabench.api.TaskSpec task) {
        long length = task.sequenceLength();
        long projection = task.isTokenInput() ? 0 : 2L * length * task.channels() * embeddingSize;
        long mean = length * embeddingSize;
        long head = 2L * embeddingSize * hiddenSize + 2L * hiddenSize * task.numClasses();
        return projection + mean + head;
    }
}
