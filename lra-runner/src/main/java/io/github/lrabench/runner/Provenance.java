package io.github.lrabench.runner;

import io.github.lrabench.api.PluginJar;
import java.util.List;

/**
 * Where a result came from: enough to reproduce it and to judge its speed figures.
 *
 * @param resolvedConfig the trial's resolved configuration (lra subtree), rendered as HOCON
 * @param gitCommit the project's git commit, with {@code -dirty} when the tree had changes, or {@code unknown}
 * @param projectVersion the lra-bench version
 * @param djlVersion the DJL version
 * @param engine the DJL engine name
 * @param engineVersion the engine's native library version
 * @param jvm the JVM vendor and version
 * @param os the operating system and architecture
 * @param cpu the CPU model
 * @param cores the cores available to the JVM
 * @param engineThreads the engine's intra-op thread setting ({@code ai.djl.pytorch.num_threads} or
 *     {@code OMP_NUM_THREADS}), or {@code default} (one per core)
 * @param device the device the trial ran on ({@code lra.device} resolved): {@code cpu}, or the GPU with its model,
 *     compute capability, memory and CUDA version where they could be read; null in results written before it was
 *     recorded
 * @param data a description of the data source
 * @param startedAt when the trial (first) started, ISO-8601
 * @param plugins the jars the model came from (path, SHA-256, Implementation-Version); empty for a model on the
 *     runner's class path. A suite reruns a finished trial whose recorded jars differ from those loaded now.
 */
public record Provenance(String resolvedConfig, String gitCommit, String projectVersion, String djlVersion,
        String engine, String engineVersion, String jvm, String os, String cpu, int cores, String engineThreads,
        String device, String data,
        String startedAt, List<PluginJar> plugins) {

    /** Normalises a missing plugin list (results written before it was recorded) to an empty one. */
    public Provenance {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /**
     * Returns the plugins folder the model was loaded from, for a reproduce command's {@code --plugins DIR}.
     *
     * @return the folder, empty for a model on the runner's class path
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.Optional<String> pluginsFolder() {
        return plugins.stream().map(PluginJar::pluginsFolder).filter(f -> !f.isEmpty()).findFirst();
    }

    /**
     * Returns this provenance with the model's plugin jars.
     *
     * @param jars the jars
     * @return the copy
     */
    public Provenance withPlugins(List<PluginJar> jars) {
        return new Provenance(resolvedConfig, gitCommit, projectVersion, djlVersion, engine, engineVersion, jvm, os,
                cpu, cores, engineThreads, device, data, startedAt, jars);
    }
}
