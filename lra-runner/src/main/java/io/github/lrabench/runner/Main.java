package io.github.lrabench.runner;

import io.github.lrabench.runner.cli.LraCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code lra} command. */
public final class Main {

    private Main() {}

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(LraCommand.commandLine(out, err).execute(args));
    }
}
