package io.github.lrabench.runner.cli;

import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.runner.ModelCatalog;
import io.github.lrabench.runner.ModelSummary;
import io.github.lrabench.runner.RunnerContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra models}: one row per provider. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model providers: id, family, parameters, paper accuracy, engine support.")
public final class ModelsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--protocol", paramLabel = "NAME", description = "protocol whose task sizes the models (key lra.protocol)")
    String protocol;

    @Option(names = "--profile", paramLabel = "NAME", description = "profile whose variant is shown (key lra.profile)")
    String profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        if (protocol != null) {
            overrides.put("lra.protocol", protocol);
        }
        if (profile != null) {
            overrides.put("lra.profile", profile);
        }
        try (RunnerContext context = common.open(overrides)) {
            String protocolName = context.config().getString("lra.protocol");
            String profileName = context.config().getString("lra.profile");
            TaskSpec task = context.task(protocolName);
            String variant = context.variant(profileName);
            List<ModelSummary> rows = new ModelCatalog(context).describe(task, profileName);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("engine %s, protocol %s (L=%d), profile %s (variant %s)%n", context.engine(), protocolName,
                    task.sequenceLength(), profileName, variant);
            out.print(ModelTable.render(rows, context.engine()));
            out.flush();
            return rows.stream().allMatch(r -> r.parameters().isPresent()) ? 0 : 1;
        }
    }
}
