package io.github.lrabench.runner.perf;

/**
 * Where the measurements were taken.
 *
 * @param cpu the CPU model
 * @param cores the cores available to the JVM
 * @param os the operating system and architecture
 * @param jvm the JVM vendor and version
 * @param djlVersion the DJL version
 * @param gitCommit the project's git commit ({@code -dirty} with local changes), or {@code unknown}
 * @param projectVersion the lra-bench version
 */
public record MachineSummary(String cpu, int cores, String os, String jvm, String djlVersion, String gitCommit,
        String projectVersion) {}
