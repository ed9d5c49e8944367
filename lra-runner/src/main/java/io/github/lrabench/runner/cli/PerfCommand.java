package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.RunnerContext;
import io.github.lrabench.runner.perf.PerfFiles;
import io.github.lrabench.runner.perf.PerfReport;
import io.github.lrabench.runner.perf.PerfRunner;
import io.github.lrabench.runner.perf.PerfSettings;
import io.github.lrabench.runner.perf.PerfStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lra perf}: the machine's matmul limit, then every model's throughput and its cost against length. */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = {"Measure the machine's fp32 matrix-multiply limit, then for every model provider (profile's"
                + " variant, protocol's task, synthetic inputs) training and inference samples/s, achieved GFLOP/s and"
                + " its fraction of the limit, ops per step, peak memory, and the training time per sample against"
                + " sequence length (table and log-log plot).",
                "Writes perf.json, perf.md and length-scaling.png into the output folder (key lra.perf.out);"
                        + " settings under lra.perf (./lra config)."})
public final class PerfCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--engines", split = ",", paramLabel = "NAME",
            description = "engines to measure in this one run, e.g. PyTorch,MXNet (key lra.perf.engines; default:"
                    + " lra.engine)")
    List<String> engines;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "models to measure (default: every provider)")
    List<String> models;

    @Option(names = "--protocol", paramLabel = "NAME", description = "protocol whose task the models are built for (key lra.protocol)")
    String protocol;

    @Option(names = "--profile", paramLabel = "NAME", description = "profile whose model variant is measured (key lra.perf.profile)")
    String profile;

    @Option(names = "--lengths", split = ",", paramLabel = "L", description = "sequence lengths of the length scaling (key lra.perf.lengths)")
    List<Integer> lengths;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (key lra.perf.out)")
    Path out;

    @Option(names = "--json", description = "print the JSON report on stdout instead of the text tables")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (engines != null && common.engine != null) {
            throw new IllegalArgumentException("give --engine NAME or --engines A,B, not both");
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (engines != null) {
            overrides.put(PerfSettings.BLOCK + ".engines", List.copyOf(engines));
        }
        if (protocol != null) {
            overrides.put("lra.protocol", protocol);
        }
        if (profile != null) {
            overrides.put(PerfSettings.BLOCK + ".profile", profile);
        }
        if (lengths != null) {
            overrides.put(PerfSettings.BLOCK + ".lengths", List.copyOf(lengths));
        }
        if (out != null) {
            overrides.put(PerfSettings.BLOCK + ".out", out.toString());
        }
        try (RunnerContext context = common.open(overrides)) {
            PerfSettings settings = PerfSettings.from(context.config());
            PrintWriter err = spec.commandLine().getErr();
            PerfReport report = new PerfRunner(context, settings, line -> {
                err.println("perf: " + line);
                err.flush();
            }).run(context.config().getString("lra.protocol"), models == null ? List.of() : models);
            PerfFiles files = new PerfFiles();
            List<Path> written = files.write(report, Path.of(settings.out()));
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                stdout.print(files.toJson(report));
            } else {
                stdout.print(io.github.lrabench.runner.perf.PerfTables.text(report));
                written.forEach(p -> stdout.println("wrote " + p));
            }
            stdout.flush();
            boolean failed = report.models().stream().anyMatch(m -> PerfStatus.FAILED.equals(m.status()));
            return failed ? 1 : 0;
        }
    }
}
