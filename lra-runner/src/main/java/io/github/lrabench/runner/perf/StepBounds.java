package io.github.lrabench.runner.perf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time one training step would take at each machine limit alone, beside the measured time: its FLOPs at the
 * matmul rate, its bytes at the streaming memory bandwidth, its ops at the per-op cost. Compute and dispatch are
 * lower bounds; memory is an estimate that caches can beat. The largest names what the step is bound by, and
 * {@code stepOverBound} says how close it came (1 = at the bound).
 *
 * @param stepMilliseconds the measured step (batch / median training samples per second)
 * @param computeMilliseconds 3 × forward FLOPs × batch at the engine's matmul rate; null when FLOPs are unknown
 * @param memoryMilliseconds the kernels' bytes at the engine's bandwidth; null when bytes were not counted
 * @param dispatchMilliseconds ops per step × the engine's cost per op; null when ops were not counted
 * @param bound {@code compute}, {@code memory} or {@code dispatch}: the largest bound; empty when there is none
 * @param stepOverBound the measured step over the largest bound; null when there is none
 */
public record StepBounds(double stepMilliseconds, Double computeMilliseconds, Double memoryMilliseconds,
        Double dispatchMilliseconds, String bound, Double stepOverBound) {

    /**
     * Computes the bounds of a step.
     *
     * @param batchSize samples per step
     * @param trainSamplesPerSecond the measured median training speed
     * @param forwardFlopsPerSample the provider's forward FLOPs, or null
     * @param matmulGflops the engine's matmul rate, or null
     * @param bytesPerStep the kernels' bytes, or null
     * @param bandwidthGigabytesPerSecond the engine's bandwidth, or null
     * @param opsPerStep ops per step, or null
     * @param dispatchMicroseconds the engine's cost per op, or null
     * @return the bounds
     */
    public static StepBounds of(int batchSize, double trainSamplesPerSecond, Long forwardFlopsPerSample,
            Double matmulGflops, Long bytesPerStep, Double bandwidthGigabytesPerSecond, Long opsPerStep,
            Double dispatchMicroseconds) {
        double step = 1000.0 * batchSize / trainSamplesPerSecond;
        Double compute = forwardFlopsPerSample == null || matmulGflops == null ? null
                : 3.0 * forwardFlopsPerSample * batchSize / (matmulGflops * 1e9) * 1000;
        Double memory = bytesPerStep == null || bandwidthGigabytesPerSecond == null ? null
                : bytesPerStep / (bandwidthGigabytesPerSecond * 1e9) * 1000;
        Double dispatch = opsPerStep == null || dispatchMicroseconds == null ? null
                : opsPerStep * dispatchMicroseconds / 1000;
        Map<String, Double> bounds = new LinkedHashMap<>();
        bounds.put("compute", compute);
        bounds.put("memory", memory);
        bounds.put("dispatch", dispatch);
        String largest = "";
        Double largestValue = null;
        for (Map.Entry<String, Double> bound : bounds.entrySet()) {
            if (bound.getValue() != null && (largestValue == null || bound.getValue() > largestValue)) {
                largest = bound.getKey();
                largestValue = bound.getValue();
            }
        }
        return new StepBounds(step, compute, memory, dispatch, largest,
                largestValue == null ? null : step / largestValue);
    }
}
