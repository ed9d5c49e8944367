package io.github.lrabench.runner;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The device every model, array and manager of a run is placed on: the key {@code lra.device}, parsed, and resolved
 * against what a DJL engine sees.
 *
 * <ul>
 *   <li>{@code cpu}: the CPU;
 *   <li>{@code gpu}: the first GPU ({@code gpu:0});
 *   <li>{@code gpu:N}: GPU N;
 *   <li>{@code auto}: the first GPU the engine sees, else the CPU.
 * </ul>
 *
 * <p>Asking for a GPU that the engine does not see is a user error naming the key and what the engine sees.
 *
 * @param value the setting as written (for messages)
 * @param kind cpu, a GPU or auto
 * @param gpuIndex the GPU index for {@link Kind#GPU}, else -1
 */
public record DeviceSetting(String value, Kind kind, int gpuIndex) {

    /** The configuration key. */
    public static final String KEY = "lra.device";

    /** The kinds of setting. */
    public enum Kind {
        /** The CPU. */
        CPU,
        /** One GPU, by index. */
        GPU,
        /** The first GPU the engine sees, else the CPU. */
        AUTO
    }

    /**
     * Parses a setting.
     *
     * @param value {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto} (case-insensitive)
     * @return the setting
     * @throws IllegalArgumentException naming the key and the valid values
     */
    public static DeviceSetting parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("cpu")) {
            return new DeviceSetting(value, Kind.CPU, -1);
        }
        if (v.equals("auto")) {
            return new DeviceSetting(value, Kind.AUTO, -1);
        }
        if (v.equals("gpu")) {
            return new DeviceSetting(value, Kind.GPU, 0);
        }
        if (v.matches("gpu:[0-9]{1,4}")) {
            return new DeviceSetting(value, Kind.GPU, Integer.parseInt(v.substring(4)));
        }
        throw new IllegalArgumentException(KEY + " = " + value + " is not a device; valid values: cpu, gpu, gpu:N"
                + " (N = 0, 1, ...: the GPU's index), auto (the first GPU the engine sees, else the CPU)");
    }

    /**
     * Resolves the setting against the GPUs a loaded engine sees.
     *
     * @param engine the loaded engine
     * @return the device
     * @throws IllegalArgumentException when a GPU is asked for that the engine does not see
     */
    public Device resolve(Engine engine) {
        return resolve(engine.getEngineName(), engine.getGpuCount(), NativeBundle.bundledFor(engine.getEngineName()));
    }

    /**
     * Resolves the setting against a GPU count (the part of {@link #resolve(Engine)} that needs no engine).
     *
     * @param engineName the engine's name, for messages
     * @param gpuCount the GPUs the engine sees
     * @param bundledNatives the native library this runner bundles for the engine, or empty when it bundles none
     * @return the device
     * @throws IllegalArgumentException when a GPU is asked for that the engine does not see
     */
    Device resolve(String engineName, int gpuCount, String bundledNatives) {
        switch (kind) {
            case CPU:
                return Device.cpu();
            case AUTO:
                return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
            default:
                if (gpuIndex < gpuCount) {
                    return Device.gpu(gpuIndex);
                }
                throw new IllegalArgumentException(KEY + " = " + value + ", but the " + engineName + " engine sees "
                        + gpuCount + (gpuCount == 1 ? " GPU" : " GPUs")
                        + (gpuCount > 0 ? " (gpu:0 to gpu:" + (gpuCount - 1) + ")" : " (" + whyNoGpu(engineName,
                                bundledNatives) + ")")
                        + "; or set " + KEY + " = cpu or auto");
        }
    }

    private static String whyNoGpu(String engineName, String bundledNatives) {
        if (!bundledNatives.isEmpty()) {
            return "CUDA not found: this runner bundles the CPU natives (" + bundledNatives + "); for a GPU build"
                    + " the runner with -Pgpu (./mvnw -B -Pgpu -DskipTests package, or LRA_BUILD=gpu ./lra ...),"
                    + " which lets DJL download the " + engineName + " natives for this machine's CUDA, and run it"
                    + " on a machine with an NVIDIA driver";
        }
        return "CUDA not found: DJL loaded " + engineName + " natives without CUDA; check that the NVIDIA driver"
                + " works (nvidia-smi), that PYTORCH_FLAVOR is unset or a CUDA flavour (e.g. cu128), and that"
                + " DJL_CACHE_DIR holds no CPU natives of the same PyTorch version from an earlier run";
    }

    /** Returns the setting as written in the configuration. */
    @Override
    public String toString() {
        return value;
    }
}
