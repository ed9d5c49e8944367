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

    /** Exit status of a bad input: a wrong option, configuration key or value, data, folder or plugin jar. */
    public static final int USER_ERROR = 2;

    /** Exit status of an unexpected failure (a bug, or an engine failure): its stack trace is printed. */
    public static final int INTERNAL_ERROR = 1;

    /**
     * Builds the picocli command line with the project's error handling: a bad input (wrong option, configuration,
     * data, folder or plugin jar) prints one clear message (exit {@value #USER_ERROR}), an unexpected failure prints
     * "internal error" with its stack trace (exit {@value #INTERNAL_ERROR}).
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
            if (isUserError(e)) {
                cmd.getErr().println("lra: " + e.getMessage());
                cmd.getErr().flush();
                return USER_ERROR;
            }
            cmd.getErr().println("lra: internal error (please report it with this trace): " + e);
            e.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return INTERNAL_ERROR;
        });
        return commandLine;
    }

    /**
     * Returns whether a failure is the user's to fix (exit {@value #USER_ERROR}) rather than an internal one.
     *
     * @param e the failure
     * @return true for bad input
     */
    static boolean isUserError(Throwable e) {
        return e instanceof IllegalArgumentException
                || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException
                || e instanceof RegistryException
                || e instanceof com.typesafe.config.ConfigException
                || e instanceof io.github.lrabench.runner.StopRequest.StoppedException
                || e instanceof io.github.lrabench.runner.OutputLock.HeldException
                || e instanceof io.github.lrabench.runner.CheckpointStore.CorruptCheckpointException;
    }
}
