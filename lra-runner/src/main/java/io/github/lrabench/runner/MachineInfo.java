package io.github.lrabench.runner;

import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads facts about this machine and build for provenance: versions, CPU, git commit, peak memory. */
public final class MachineInfo {

    private MachineInfo() {}

    /**
     * Collects the provenance of a trial.
     *
     * @param resolvedConfig the rendered configuration
     * @param engine the engine name
     * @param device the device the trial ran on
     * @param data the data description
     * @param startedAt when the trial first started
     * @param gitCommit the commit read when this run of the trial started (see {@link #gitCommit()}), so that
     *     later edits of the working tree do not mark it dirty
     * @return the provenance
     */
    public static Provenance provenance(String resolvedConfig, String engine, ai.djl.Device device, String data,
            String startedAt, String gitCommit) {
        return provenance(resolvedConfig, engine, device, data, startedAt, gitCommit, List.of());
    }

    /**
     * Collects the provenance of a trial whose model came from plugin jars.
     *
     * @param resolvedConfig the rendered configuration
     * @param engine the engine name
     * @param device the device the trial ran on
     * @param data the data description
     * @param startedAt when the trial first started
     * @param gitCommit the commit read when this run of the trial started
     * @param plugins the model's jars ({@code ModelRegistry.pluginJars}), empty for a class-path model
     * @return the provenance
     */
    public static Provenance provenance(String resolvedConfig, String engine, ai.djl.Device device, String data,
            String startedAt, String gitCommit, List<io.github.lrabench.api.PluginJar> plugins) {
        return new Provenance(resolvedConfig, gitCommit, projectVersion(),
                Engine.getDjlVersion(), engine, Engine.getEngine(engine).getVersion(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), engineThreads(), describe(device), data,
                startedAt, plugins);
    }

    /**
     * Describes a device for provenance: {@code cpu}, or for a GPU its DJL name with the GPU's model (from {@code
     * nvidia-smi}, where installed), compute capability, memory and the CUDA runtime version (DJL's {@link
     * CudaUtils}), each left out when it cannot be read.
     *
     * @param device the device
     * @return e.g. {@code gpu(0): NVIDIA A100-SXM4-40GB, compute capability 8.0, 40.0 GiB, CUDA 12.8}
     */
    public static String describe(ai.djl.Device device) {
        if (!device.isGpu()) {
            return "cpu";
        }
        List<String> parts = new java.util.ArrayList<>();
        String name = commandOutput(List.of("nvidia-smi", "--query-gpu=name", "--format=csv,noheader", "-i",
                Integer.toString(device.getDeviceId())));
        if (!name.isEmpty()) {
            parts.add(name);
        }
        try {
            parts.add("compute capability " + CudaUtils.getComputeCapability(device.getDeviceId()).replaceAll(
                    "^(\\d)(\\d)$", "$1.$2"));
            parts.add(String.format(java.util.Locale.ROOT, "%.1f GiB",
                    CudaUtils.getGpuMemory(device).getMax() / (double) (1L << 30)));
            parts.add("CUDA " + CudaUtils.getCudaVersionString());
        } catch (RuntimeException | LinkageError e) {
            // DJL could not read CUDA's runtime library: the device name alone
        }
        return device + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    /**
     * Returns this project's version from the runner jar's manifest ({@code Implementation-Version}), or {@code
     * development build} when running from classes outside a built jar (an IDE, the reactor's tests).
     *
     * @return the version
     */
    public static String projectVersion() {
        String version = MachineInfo.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * Returns the git commit the runner jar was built from (its manifest's {@code Git-Commit}, with {@code -dirty}
     * when {@code Git-Dirty} is true), or empty when it was built outside a git checkout or this is not a built jar.
     *
     * @return the build commit
     */
    public static java.util.Optional<String> buildCommit() {
        try {
            java.net.URL location = MachineInfo.class.getProtectionDomain().getCodeSource().getLocation();
            Path jar = Path.of(location.toURI());
            if (!Files.isRegularFile(jar)) {
                return java.util.Optional.empty();
            }
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                java.util.jar.Manifest manifest = file.getManifest();
                String commit = manifest == null ? null : manifest.getMainAttributes().getValue("Git-Commit");
                if (commit == null || commit.isBlank() || commit.equals("unknown") || commit.startsWith("${")) {
                    return java.util.Optional.empty();
                }
                boolean dirty = "true".equals(manifest.getMainAttributes().getValue("Git-Dirty"));
                return java.util.Optional.of(dirty ? commit + "-dirty" : commit);
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Returns the engine thread setting of this process: the PyTorch property, else OMP_NUM_THREADS, else default. */
    public static String engineThreads() {
        String pytorch = System.getProperty("ai.djl.pytorch.num_threads");
        if (pytorch != null) {
            return pytorch;
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        return omp != null ? "OMP_NUM_THREADS=" + omp : "default";
    }

    /** Returns the process's peak resident memory in bytes (VmHWM), or 0 where /proc is not available. */
    public static long peakResidentBytes() {
        return procStatusKilobytes("VmHWM:") * 1024;
    }

    /** Returns the process's current resident memory in bytes (VmRSS), or 0 where /proc is not available. */
    public static long residentBytes() {
        return procStatusKilobytes("VmRSS:") * 1024;
    }

    /** Returns the CPU model name from /proc/cpuinfo, or the architecture when unknown. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /**
     * Returns the git commit of the working directory, with {@code -dirty} for local changes; outside a git
     * checkout, the commit the runner jar was built from ({@link #buildCommit()}), else {@code unknown}.
     *
     * @return the commit
     */
    public static String gitCommit() {
        String commit = commandOutput(List.of("git", "rev-parse", "HEAD"));
        if (commit.isEmpty()) {
            return buildCommit().orElse("unknown");
        }
        String status = commandOutput(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return status.isEmpty() ? commit : commit + "-dirty";
    }

    private static String commandOutput(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long procStatusKilobytes(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }
}
