package io.github.lrabench.runner.perf;

/**
 * One provider measured on one engine at the protocol's sequence length.
 *
 * @param model the provider id
 * @param family the provider's family
 * @param engine the engine name
 * @param status {@code ok}, {@code n/a} or {@code failed} ({@link PerfStatus})
 * @param reason why it is not {@code ok}; empty when it is
 * @param parameters trainable parameters, or null when not built
 * @param forwardFlopsPerSample forward FLOPs per sample from the provider, or null when unknown
 * @param batchSize the batch of the measurement
 * @param trainSamplesPerSecond samples per second of a training step (forward + loss + backward + Adam update)
 * @param inferenceSamplesPerSecond samples per second of a forward pass in inference mode
 * @param trainGflops achieved GFLOP/s in training, counting 3 × the forward FLOPs per sample (median)
 * @param inferenceGflops achieved GFLOP/s in inference (median)
 * @param trainFractionOfLimit {@code trainGflops} over the run's limit (the best engine's matmul)
 * @param trainFractionOfEngineLimit {@code trainGflops} over this engine's own matmul
 * @param inferenceFractionOfLimit {@code inferenceGflops} over the run's limit
 * @param ops ops per training step
 * @param peakResidentBytes the process's peak resident memory while this model was measured (0 where unknown)
 * @param bounds the step's time against the machine's limits; null when not measured
 * @param path {@code auto} (the model's exact shortcuts as configured) or {@code full} (forced to the full
 *     computation, see {@link PerfSettings#pathKeys()}); empty for a model that has no such choice
 */
public record ModelPerf(String model, String family, String engine, String status, String reason, Long parameters,
        Long forwardFlopsPerSample, int batchSize, Stats trainSamplesPerSecond, Stats inferenceSamplesPerSecond,
        Double trainGflops, Double inferenceGflops, Double trainFractionOfLimit, Double trainFractionOfEngineLimit,
        Double inferenceFractionOfLimit, OpCounts ops, long peakResidentBytes, StepBounds bounds, String path) {

    /** Returns the model id, followed by {@code [path]} when the row is one of two paths. */
    public String label() {
        return path == null || path.isEmpty() ? model : model + " [" + path + "]";
    }

    /** Returns whether the model was measured. */
    public boolean ok() {
        return PerfStatus.OK.equals(status);
    }
}
