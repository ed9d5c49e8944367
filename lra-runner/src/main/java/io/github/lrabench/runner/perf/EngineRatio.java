package io.github.lrabench.runner.perf;

/**
 * How much faster one engine runs a model than another, from the same run.
 *
 * @param model the provider id
 * @param numeratorEngine the first engine of the run
 * @param denominatorEngine the second engine of the run
 * @param train training samples/s on the first over the second (medians), or null when one is missing
 * @param inference inference samples/s on the first over the second (medians), or null when one is missing
 */
public record EngineRatio(String model, String numeratorEngine, String denominatorEngine, Double train,
        Double inference) {}
