package io.github.lrabench.models.ssm;

import io.github.lrabench.api.TaskSpec;

/**
 * Forward FLOPs of one sequence through an S4D classifier, counting a multiply-add as 2 and an FFT of n points as
 * 2.5 n log₂ n (as the FNet count does). Counted per layer: the real FFT of the input and the inverse FFT, both of
 * 2L points, per channel; the spectral product (6 per complex product); the D skip; the position-wise H → 2H map.
 * The kernel K is built once per batch from the parameters (about 10 · H · N/2 · L operations per layer), not per
 * sequence, so it is not counted; nor are element-wise activations and norms.
 */
final class S4DFlops {

    private S4DFlops() {}

    /**
     * Returns the forward FLOPs for one sequence.
     *
     * @param task the task
     * @param config the configuration
     * @return the FLOPs
     */
    static long forwardPerSample(TaskSpec task, S4DConfig config) {
        double length = task.sequenceLength();
        double h = config.modelSize();
        double fftPoints = 2 * length;
        double fft = 2.5 * fftPoints * Math.log(fftPoints) / Math.log(2);
        double perLayer = h * (2 * fft + 6 * (length + 1) + 2 * length) + 2 * (2 * h) * h * length;
        double embedding = task.isTokenInput() ? 0 : 2 * length * task.channels() * h;
        double decoder = 2 * h * task.numClasses();
        return Math.round(embedding + config.numLayers() * perLayer + decoder);
    }
}
