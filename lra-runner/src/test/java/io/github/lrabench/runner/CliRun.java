package io.github.lrabench.runner;

import io.github.lrabench.runner.cli.LraCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code lra} command line in-process and captures what it prints. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LraCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
