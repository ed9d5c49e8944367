package io.github.lrabench.runner.cli;

import com.typesafe.config.ConfigRenderOptions;
import io.github.lrabench.runner.RunnerContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra config}: prints the resolved configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration (the lra subtree), with origins as comments.")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--origins", description = "show where each value comes from")
    boolean origins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (RunnerContext context = common.open(Map.of())) {
            ConfigRenderOptions options = ConfigRenderOptions.defaults().setOriginComments(origins).setJson(false);
            spec.commandLine().getOut().println("lra " + context.config().getConfig("lra").root().render(options));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
