package io.github.lrabench.api;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Set;
import java.util.TreeSet;

/**
 * Probes what a DJL engine can do, so that a provider needing a feature is reported instead of crashing.
 *
 * <p>Known features: {@value #FFT} (the engine implements {@code NDArray.fft}).
 */
public final class EngineFeatures {

    /** The engine implements {@code NDArray.fft} and {@code NDArray.real}. */
    public static final String FFT = "fft";

    private EngineFeatures() {}

    /**
     * Returns the features the named engine supports, probed by running a tiny op of each kind.
     *
     * @param engineName a DJL engine name, e.g. {@code PyTorch}
     * @return the supported features
     */
    public static Set<String> supported(String engineName) {
        Set<String> features = new TreeSet<>();
        try (NDManager manager = Engine.getEngine(engineName).newBaseManager()) {
            if (probeFft(manager)) {
                features.add(FFT);
            }
        }
        return features;
    }

    /**
     * Returns the features a provider needs that the engine lacks.
     *
     * @param provider the provider
     * @param engineName a DJL engine name
     * @return the missing features, empty when the provider runs on the engine
     */
    public static Set<String> missing(SequenceClassifierProvider provider, String engineName) {
        Set<String> missing = new TreeSet<>(provider.requiredEngineFeatures());
        missing.removeAll(supported(engineName));
        return missing;
    }

    private static boolean probeFft(NDManager manager) {
        try {
            return manager.create(new float[] {1f, 2f}).fft(2).real() != null;
        } catch (UnsupportedOperationException | ai.djl.engine.EngineException e) {
            return false;
        }
    }
}
