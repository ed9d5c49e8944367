package io.github.lrabench.runner.perf;

/**
 * The training cost of one provider at one sequence length.
 *
 * @param model the provider id
 * @param engine the engine name
 * @param length L
 * @param batchSize the batch used at this length
 * @param status {@code ok}, {@code n/a} or {@code failed}
 * @param reason why it is not {@code ok}; empty when it is
 * @param secondsPerSample seconds per sample of a training step; null when not measured
 * @param forwardFlopsPerSample forward FLOPs per sample at this length, or null when unknown
 * @param peakResidentBytes the process's peak resident memory during this measurement (0 where unknown)
 */
public record LengthPoint(String model, String engine, int length, int batchSize, String status, String reason,
        Stats secondsPerSample, Long forwardFlopsPerSample, long peakResidentBytes) {

    /** Returns whether this point was measured. */
    public boolean ok() {
        return PerfStatus.OK.equals(status);
    }
}
