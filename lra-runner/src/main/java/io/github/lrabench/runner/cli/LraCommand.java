package io.github.lrabench.runner.cli;

import io.github.lrabench.api.RegistryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code lra} command. */
@Command(
        name = "lra",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmarks sequence models on CIFAR-10 read as pixel sequences (LRA Image, sCIFAR).",
        subcommands = {BenchCommand.class, TrainCommand.class, ReportCommand.class, ModelsCommand.class, DataCommand.class,
                ConfigCommand.class, PerfCommand.class, CommandLine.HelpCommand.class})
public final class LraCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. `lra models`");
    }

    /**
     * Builds the picocli command line with the project's error handling: a bad input (wrong option, configuration, data or
     * folder) prints one clear message (exit 2), an unexpected failure prints its stack trace (exit 1).
     *
     * @param out where normal output goes
     * @param err where errors go
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LraCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                    || e instanceof RegistryException
                    || e instanceof com.typesafe.config.ConfigException) {
                cmd.getErr().println("lra: " + e.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            throw e;
        });
        return commandLine;
    }
}
