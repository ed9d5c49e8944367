package io.github.lrabench.runner;

import ai.djl.engine.Engine;
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
     * @param data the data description
     * @param startedAt when the trial first started
     * @param gitCommit the commit read when this run of the trial started (see {@link #gitCommit()}), so that
     *     later edits of the working tree do not mark it dirty
     * @return the provenance
     */
    public static Provenance provenance(String resolvedConfig, String engine, String data, String startedAt,
            String gitCommit) {
        String version = MachineInfo.class.getPackage().getImplementationVersion();
        return new Provenance(resolvedConfig, gitCommit, version == null ? "development build" : version,
                Engine.getDjlVersion(), engine, Engine.getEngine(engine).getVersion(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), engineThreads(), data, startedAt);
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

    /** Returns the git commit of the working directory, with {@code -dirty} for local changes, or {@code unknown}. */
    public static String gitCommit() {
        String commit = git(List.of("git", "rev-parse", "HEAD"));
        if (commit.isEmpty()) {
            return "unknown";
        }
        String status = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return status.isEmpty() ? commit : commit + "-dirty";
    }

    private static String git(List<String> command) {
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
