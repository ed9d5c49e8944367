package io.github.lrabench.runner.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra train MODEL}: the suite restricted to one model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and score one model (same options and output as bench).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SuiteOptions suite;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model id")
    String model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return BenchCommand.run(spec, common, suite, List.of(model));
    }
}
