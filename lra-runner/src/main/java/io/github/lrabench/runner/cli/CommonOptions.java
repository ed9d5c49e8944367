package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.RunnerContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command shares: plugin folder, config file, engine. */
public final class CommonOptions {

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of model plugin jars")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE", description = "application config file (replaces application.conf)")
    Path configFile;

    @Option(names = "--engine", paramLabel = "NAME", description = "DJL engine: PyTorch or MXNet (key lra.engine)")
    String engine;

    /** Returns the command-line values as configuration overrides, keyed by full path. */
    Map<String, Object> overrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (engine != null) {
            overrides.put("lra.engine", engine);
        }
        return overrides;
    }

    /**
     * Opens the runner context these options describe.
     *
     * @param extra further command-line overrides
     * @return the context
     */
    RunnerContext open(Map<String, Object> extra) {
        Map<String, Object> all = overrides();
        all.putAll(extra);
        return RunnerContext.open(Optional.ofNullable(plugins), Optional.ofNullable(configFile), all);
    }
}
