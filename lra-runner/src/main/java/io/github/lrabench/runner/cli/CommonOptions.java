package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.RunnerContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command shares: plugin folder, config file, engine, device. */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "folder of model plugins: NAME.jar files, or one sub-folder of jars per plugin")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE", description = "application config file (replaces application.conf)")
    Path configFile;

    @Option(names = "--engine", paramLabel = "NAME", description = "DJL engine: PyTorch or MXNet (key lra.engine)")
    String engine;

    @Option(names = "--device", paramLabel = "D",
            description = "cpu, gpu, gpu:N or auto (the first GPU the engine sees, else the CPU) (key lra.device)")
    String device;

    /** Returns the command-line values as configuration overrides, keyed by full path. */
    Map<String, Object> overrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (engine != null) {
            overrides.put("lra.engine", engine);
        }
        if (device != null) {
            overrides.put("lra.device", device);
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
        RunnerContext context = RunnerContext.open(Optional.ofNullable(plugins), Optional.ofNullable(configFile), all);
        printWarnings(context);
        return context;
    }

    /**
     * Prints the plugins folder's warnings (entries not loaded, and why) on the command's error stream.
     *
     * @param context the opened context
     */
    void printWarnings(RunnerContext context) {
        if (mixee == null) {
            return;
        }
        for (String warning : context.warnings()) {
            mixee.commandLine().getErr().println("lra: warning: " + warning);
        }
        mixee.commandLine().getErr().flush();
    }
}
