package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.LraBench;
import java.nio.file.Path;
import java.util.List;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra report DIR...}: rebuilds the summary and plots from result.json files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild summary.md, summary.csv and plots from the result.json files under the folders"
                + " (merging folders copied from several machines).")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders holding result.json files")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the report (default: the first DIR)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LraBench bench = LraBench.open(Optional.ofNullable(common.plugins), Optional.ofNullable(common.configFile),
                common.overrides())) {
            common.printWarnings(bench.context());
            Path target = out == null ? dirs.get(0) : out;
            List<Path> written = bench.report(dirs, target);
            written.forEach(p -> spec.commandLine().getOut().println("wrote " + p));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

}
