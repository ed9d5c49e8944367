package io.github.lrabench.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the stack trace of a failed trial in its folder ({@code failure.log}), so that the one-line reason in
 * {@code result.json} can be followed to where it happened, and tells a failure of the runner itself from one of
 * the model or the engine.
 */
final class FailureLog {

    /** The file name, in the trial's folder. */
    static final String FILE = "failure.log";

    private static final String RUNNER_PACKAGE = "io.github.lrabench.runner.";

    private FailureLog() {}

    /**
     * Writes the stack trace.
     *
     * @param trialDir the trial's folder
     * @param failure what was thrown
     * @return a suffix for the failure reason naming the file, or an empty string when it could not be written
     */
    static String write(Path trialDir, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        Path file = trialDir.resolve(FILE);
        try {
            Files.createDirectories(trialDir);
            AtomicFiles.write(file, trace.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return " (stack trace: " + file + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether a failure was thrown by the runner's own code rather than by a model's block or the engine: its
     * innermost frame is in the runner's packages.
     *
     * @param failure what was thrown
     * @return whether it is the runner's
     */
    static boolean isInternal(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(RUNNER_PACKAGE);
    }
}
