package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.LraBench;
import io.github.lrabench.runner.RunResult;
import io.github.lrabench.runner.SuitePlan;
import io.github.lrabench.runner.SuiteRequest;
import io.github.lrabench.runner.ConsoleProgress;
import io.github.lrabench.runner.TrialSpec;
import java.io.PrintWriter;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra bench}: runs the suite (every provider, or {@code --models}) under a protocol and profile. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Train and score every model provider under one protocol and profile, then write"
                + " result.json files, summary.md, summary.csv and plots into the output folder.",
                "Re-running the same command resumes: finished trials are kept, unfinished ones continue from"
                        + " their last checkpoint."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SuiteOptions suite;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "models to run (default: every provider)")
    List<String> models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(spec, common, suite, models == null ? List.of() : models);
    }

    static Integer run(CommandSpec spec, CommonOptions common, SuiteOptions suite, List<String> models) {
        try (LraBench bench = LraBench.open(java.util.Optional.ofNullable(common.plugins),
                java.util.Optional.ofNullable(common.configFile), suite.overrides(common.overrides()))) {
            common.printWarnings(bench.context());
            SuiteRequest request = suite.request(bench.context().config(), models);
            PrintWriter out = spec.commandLine().getOut();
            if (suite.listTrials) {
                SuitePlan plan = bench.plan(request);
                out.printf("%-6s %-16s %-10s %-8s %s%n", "trial", "model", "protocol", "profile", "seed");
                for (TrialSpec trial : plan.trials()) {
                    out.printf(Locale.ROOT, "%-6d %-16s %-10s %-8s %d%n", trial.index(), trial.model(),
                            trial.protocol(), trial.profile(), trial.seed());
                }
                out.flush();
                return 0;
            }
            ConsoleProgress progress = ConsoleProgress.forThisProcess();
            List<RunResult> results = bench.run(request, bench.dataSource(suite.data.path()), progress);
            long failed = results.stream().filter(r -> !r.isCompleted()).count();
            int kept = progress.keptTrials();
            out.printf(Locale.ROOT, "%d trial(s), %d failed%s; summary: %s%n", results.size(), failed,
                    kept == 0 ? "" : ", " + kept + " kept from an earlier run in this folder (--fresh"
                            + " retrains them)", request.outputDir().resolve("summary.md"));
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

}
