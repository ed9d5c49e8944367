package io.github.lrabench.runner.cli;

import com.typesafe.config.Config;
import io.github.lrabench.runner.SuiteRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** Options shared by {@code lra bench} and {@code lra train}. */
public final class SuiteOptions {

    @Option(names = "--protocol", paramLabel = "NAME", description = "lra-image, scifar or pscifar (permuted scifar); several with commas (key lra.protocol)")
    String protocol;

    @Option(names = "--profile", paramLabel = "NAME", description = "smoke, quick, cpu, long or paper (key lra.profile)")
    String profile;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per model (key lra.seeds)")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "first seed (key lra.seed)")
    Integer seed;

    @picocli.CommandLine.Mixin
    DataOption data;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (key lra.out)")
    Path out;

    @Option(names = "--list-trials", description = "print the suite's trials (model × seed × protocol) and exit")
    boolean listTrials;

    @Option(names = "--trial", paramLabel = "K", description = "run only trial K of the suite (fan-out over machines)")
    Integer trial;

    /** Returns these options as configuration overrides on top of the common ones. */
    Map<String, Object> overrides(Map<String, Object> common) {
        Map<String, Object> overrides = new LinkedHashMap<>(common);
        if (protocol != null) {
            overrides.put("lra.protocol", protocol);
        }
        if (profile != null) {
            overrides.put("lra.profile", profile);
        }
        if (seeds != null) {
            overrides.put("lra.seeds", seeds);
        }
        if (seed != null) {
            overrides.put("lra.seed", seed);
        }
        if (out != null) {
            overrides.put("lra.out", out.toString());
        }
        return overrides;
    }

    /** Builds the request from the resolved configuration. */
    SuiteRequest request(Config config, List<String> models) {
        List<String> protocols = Arrays.stream(config.getString("lra.protocol").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new SuiteRequest(protocols, config.getString("lra.profile"), models, config.getInt("lra.seed"),
                config.getInt("lra.seeds"), Path.of(config.getString("lra.out")),
                trial == null ? OptionalInt.empty() : OptionalInt.of(trial));
    }
}
