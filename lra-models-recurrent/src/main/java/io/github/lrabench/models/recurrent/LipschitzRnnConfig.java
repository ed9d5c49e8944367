package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.TaskSpec;

/**
 * The validated hyperparameters of a LipschitzRNN (keys of {@code lra.models.lipschitzrnn}).
 *
 * @param embeddingSize {@code embedding-size}: width of the {@link io.github.lrabench.api.InputEmbedding} output
 *     (the model's per-step input {@code x_t})
 * @param hiddenSize {@code hidden-size}: N, the width of the hidden state
 * @param solver {@code solver}: {@code euler} or {@code midpoint}
 * @param stepSize {@code step-size}: ε, the ODE time advanced per sequence element
 * @param beta {@code beta}: β in {@code [0, 1]}, the weight of the antisymmetric part
 * @param gamma {@code gamma}: γ {@code >= 0}, the diagonal damping shared by A_β and W_β
 * @param initStd {@code init-std}: the free matrices start as N(0, (init-std / N)²)
 * @param inputLayout {@code input-layout}: {@code pixel} (standard) or {@code channel-major} (the reference's
 *     quirk)
 */
public record LipschitzRnnConfig(
        int embeddingSize,
        int hiddenSize,
        OdeSolver solver,
        float stepSize,
        float beta,
        float gamma,
        float initStd,
        InputLayout inputLayout) {

    /**
     * Reads and validates the configuration, gathering every problem into one exception.
     *
     * @param config the provider's block with the variant merged
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    public static LipschitzRnnConfig from(Config config) {
        ConfigProblems read = new ConfigProblems(config, LipschitzRnnProvider.ID);
        LipschitzRnnConfig result = new LipschitzRnnConfig(
                read.intAtLeast("embedding-size", 1),
                read.intAtLeast("hidden-size", 1),
                read.choice("solver", OdeSolver.class),
                read.positive("step-size"),
                read.between("beta", 0, 1),
                read.atLeast("gamma", 0),
                read.positive("init-std"),
                read.choice("input-layout", InputLayout.class));
        read.throwIfAny();
        return result;
    }

    /** Returns how many N×N matrix products one step takes: 2 for Euler, 4 for midpoint. */
    public int matrixProductsPerStep() {
        return solver == OdeSolver.EULER ? 2 : 4;
    }

    /**
     * Returns the forward FLOPs for one sequence (a multiply-add counts 2; element-wise ops are not counted, as in
     * models.md §9): the embedding projection (continuous inputs), the input map {@code U x_t + b} for every
     * step, the N×N products of the recurrence, and the classifier.
     *
     * @param task the task
     * @return the FLOPs
     */
    public long forwardFlops(TaskSpec task) {
        long length = task.sequenceLength();
        long n = hiddenSize;
        long embedding = task.isTokenInput() ? 0 : 2L * length * task.channels() * embeddingSize;
        long inputMap = 2L * length * embeddingSize * n;
        long recurrence = length * matrixProductsPerStep() * 2L * n * n;
        long head = 2L * n * task.numClasses();
        return embedding + inputMap + recurrence + head;
    }

    /**
     * Returns the number of trainable parameters: the embedding, then the paper's {@code (d+1)N + 2N² + classes
     * (N + 1)}.
     *
     * @param task the task
     * @return the parameter count
     */
    public long parameterCount(TaskSpec task) {
        long n = hiddenSize;
        long embedding = (task.isTokenInput()
                        ? (long) task.vocabularySize() * embeddingSize
                        : (long) task.channels() * embeddingSize + embeddingSize)
                + (long) task.sequenceLength() * embeddingSize;
        return embedding + (embeddingSize + 1L) * n + 2 * n * n + (long) task.numClasses() * (n + 1);
    }
}
