package io.github.lrabench.models.fourier;

import io.github.lrabench.api.TaskSpec;

/**
 * Forward FLOPs of one sequence through an FNet classifier, counting a multiply-add as 2. With {@code L'} the
 * encoder length (L, plus one with a CLS token):
 *
 * <ul>
 *   <li>embedding: {@code 2·L·C·d} for the projection of continuous inputs, 0 for a token lookup;
 *   <li>mixing, per layer: FFT {@code 2.5·N·log₂N} with {@code N = L'·d}, or DFT as matrix products
 *       {@code 4·L'·d² + 4·L'²·d};
 *   <li>feed-forward, per layer: {@code 4·L'·d·ffn};
 *   <li>head: {@code 2·d·h + 2·h·classes}.
 * </ul>
 *
 * <p>Element-wise work (layer norms, residual and position adds, GELU, dropout, pooling) is not counted. The
 * mixing figure follows the configured mode: {@code dft} counts the DFT products; {@code fft} and {@code auto}
 * count the FFT, since {@code auto} takes the FFT path on every engine that has one (on an engine without FFT,
 * {@code auto} does the DFT's work instead).
 */
final class FNetFlops {

    private FNetFlops() {}

    /**
     * Returns the forward FLOPs of one sequence.
     *
     * @param task the task (length, channels, classes)
     * @param config the configuration
     * @return the FLOPs, rounded to a whole number
     */
    static long forwardPerSample(TaskSpec task, FNetConfig config) {
        long length = task.sequenceLength() + (config.clsToken() ? 1L : 0L);
        double d = config.hiddenSize();
        double embedding = task.isTokenInput() ? 0 : 2.0 * task.sequenceLength() * task.channels() * d;
        double mixing = config.mixing() == MixingMode.DFT
                ? dftMixing(length, config.hiddenSize())
                : fftMixing(length, config.hiddenSize());
        double ffn = 4.0 * length * d * config.ffnSize();
        double head = 2.0 * d * config.headSize() + 2.0 * config.headSize() * task.numClasses();
        return Math.round(embedding + config.numLayers() * (mixing + ffn) + head);
    }

    /**
     * Returns the FLOPs of one 2-D FFT mixing, {@code 2.5·N·log₂N} with {@code N = L·d}.
     *
     * @param length L
     * @param hidden d
     * @return the FLOPs
     */
    static double fftMixing(long length, long hidden) {
        double n = (double) length * hidden;
        return 2.5 * n * (Math.log(n) / Math.log(2));
    }

    /**
     * Returns the FLOPs of one mixing as real matrix products, {@code 4·L·d² + 4·L²·d}.
     *
     * @param length L
     * @param hidden d
     * @return the FLOPs
     */
    static double dftMixing(long length, long hidden) {
        double l = length;
        double d = hidden;
        return 4 * l * d * d + 4 * l * l * d;
    }
}
