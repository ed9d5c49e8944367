package io.github.lrabench.runner.perf;

/**
 * The growth exponent of a provider's training cost with sequence length: the least-squares slope of log(seconds
 * per sample) against log(L) over the measured lengths (about 1 for O(L), 2 for O(L²)).
 *
 * @param model the provider id
 * @param engine the engine name
 * @param slope the exponent, or null with fewer than two measured lengths
 * @param points how many lengths went into the fit
 */
public record LengthSlope(String model, String engine, Double slope, int points) {}
