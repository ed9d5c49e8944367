package io.github.lrabench.runner;

import java.util.List;

/**
 * Selects the DJL engine for this process. DJL reads {@code ai.djl.default_engine} once, when its {@code Engine}
 * class is first used, and would otherwise pick MXNet (lowest rank) when both engines are on the class path; so
 * this must run before any DJL call.
 */
public final class EngineSetup {

    /** The engines this project ships and tests. */
    public static final List<String> SUPPORTED = List.of("PyTorch", "MXNet");

    private EngineSetup() {}

    /**
     * Checks an engine name against {@link #SUPPORTED}.
     *
     * @param name the name, matched case-insensitively
     * @return the canonical name
     * @throws IllegalArgumentException listing the valid names
     */
    public static String canonicalName(String name) {
        for (String engine : SUPPORTED) {
            if (engine.equalsIgnoreCase(name)) {
                return engine;
            }
        }
        throw new IllegalArgumentException(
                "unknown engine '" + name + "' (key lra.engine); valid engines: " + String.join(", ", SUPPORTED));
    }

    /**
     * Sets {@code ai.djl.default_engine} and, when asked, {@code ai.djl.offline=true} for this process.
     *
     * @param engineName a name accepted by {@link #canonicalName}
     * @param offline whether DJL may not download anything
     * @return the canonical engine name
     */
    public static String apply(String engineName, boolean offline) {
        String canonical = canonicalName(engineName);
        System.setProperty("ai.djl.default_engine", canonical);
        if (offline) {
            System.setProperty("ai.djl.offline", "true");
        }
        return canonical;
    }
}
