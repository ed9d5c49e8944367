package io.github.lrabench.runner;

import ai.djl.engine.Engine;
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

    /**
     * Sets the PyTorch engine's intra-op and inter-op thread counts ({@code ai.djl.pytorch.num_threads},
     * {@code ai.djl.pytorch.num_interop_threads}) from {@code lra.engine-threads}, before the engine loads; a value
     * the user set as a system property wins. MXNet reads only the {@code OMP_NUM_THREADS} environment variable.
     *
     * @param setting {@code auto} (the engine's default: one thread per core) or a positive count
     * @throws IllegalArgumentException naming the key when the value is neither
     */
    public static void applyThreads(String setting) {
        if ("auto".equalsIgnoreCase(setting.trim())) {
            return;
        }
        int threads;
        try {
            threads = Integer.parseInt(setting.trim());
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("lra.engine-threads must be auto or a positive count but was '"
                    + setting + "'");
        }
        for (String key : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            if (System.getProperty(key) == null) {
                System.setProperty(key, Integer.toString(threads));
            }
        }
    }

    /**
     * Loads an engine (its native library), turning a failure into one clear message: with {@code lra.offline =
     * true} DJL may not download, which a runner that bundles no native library for the engine (the GPU build)
     * needs on a machine whose DJL cache does not hold them yet.
     *
     * @param engineName the canonical engine name
     * @param offline the value of {@code lra.offline}
     * @return the engine
     * @throws IllegalArgumentException naming {@code lra.offline} and the bundled natives when it cannot be loaded
     */
    public static Engine load(String engineName, boolean offline) {
        try {
            return Engine.getEngine(engineName);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(loadFailure(engineName, offline, NativeBundle.bundledFor(engineName),
                    e), e);
        }
    }

    /**
     * The message of an engine that could not be loaded.
     *
     * @param engineName the engine name
     * @param offline the value of {@code lra.offline}
     * @param bundledNatives the natives the runner bundles for the engine, or empty
     * @param cause the failure
     * @return the message
     */
    static String loadFailure(String engineName, boolean offline, String bundledNatives, Throwable cause) {
        StringBuilder message = new StringBuilder("the " + engineName + " engine could not load its native library");
        if (offline && bundledNatives.isEmpty()) {
            message.append(" with lra.offline = true: this runner bundles no ").append(engineName)
                    .append(" natives (the GPU build), and DJL may not download them. Run with -Dlra.offline=false")
                    .append(" (the GPU build's default) so that DJL downloads the natives for this machine")
                    .append(" (PYTORCH_FLAVOR, PYTORCH_VERSION and DJL_CACHE_DIR choose which and where), or put")
                    .append(" them in DJL_CACHE_DIR beforehand");
        } else if (offline) {
            message.append(" (bundled: ").append(bundledNatives).append("; lra.offline = true)");
        } else {
            message.append(" (lra.offline = false: DJL downloads them on first use from publish.djl.ai; check the")
                    .append(" network, PYTORCH_FLAVOR, PYTORCH_VERSION and DJL_CACHE_DIR)");
        }
        return message.append(": ").append(rootMessage(cause)).toString();
    }

    private static String rootMessage(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            text.append("; ").append(c.getMessage());
        }
        return text.toString();
    }
}
