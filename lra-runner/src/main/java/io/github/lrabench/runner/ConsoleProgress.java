package io.github.lrabench.runner;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows trial progress on stderr: a progress bar (step, loss, accuracy, samples/s, ETA) on a terminal, plain
 * periodic lines otherwise (CI, logs).
 */
public final class ConsoleProgress implements TrialListener {

    private final PrintStream err;
    private final boolean terminal;
    private final long lineIntervalNanos;
    private ProgressBar bar;
    private TrialSpec trial;
    private long lastLine;
    private String lastValidation = "-";
    private int keptTrials;

    /**
     * Creates the listener.
     *
     * @param err where to write
     * @param terminal whether to draw a bar (else plain lines)
     * @param lineIntervalSeconds seconds between plain lines
     */
    public ConsoleProgress(PrintStream err, boolean terminal, double lineIntervalSeconds) {
        this.err = err;
        this.terminal = terminal;
        this.lineIntervalNanos = (long) (lineIntervalSeconds * 1e9);
    }

    /** Returns a listener suited to this process: a bar when stderr is a terminal. */
    public static ConsoleProgress forThisProcess() {
        return new ConsoleProgress(System.err, System.console() != null, 30);
    }

    @Override
    public void started(TrialSpec trial, int fromStep, int totalSteps) {
        this.trial = trial;
        this.lastValidation = "-";
        String name = String.format(Locale.ROOT, "#%d %s %s seed %d", trial.index(), trial.model(),
                trial.protocol(), trial.seed());
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalSteps).startsFrom(fromStep,
                    java.time.Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setConsumer(
                    new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).setUnit(" steps", 1).build();
        } else {
            err.printf(Locale.ROOT, "%s: %s from step %d of %d%n", name, fromStep == 0 ? "starting" : "resuming",
                    fromStep, totalSteps);
        }
        lastLine = System.nanoTime();
    }

    @Override
    public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
        String extra = String.format(Locale.ROOT, "loss %.4f acc %.1f%% val %s %.1f samples/s", loss, 100 * accuracy,
                lastValidation, samplesPerSecond);
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(extra);
        } else if (System.nanoTime() - lastLine >= lineIntervalNanos) {
            err.printf(Locale.ROOT, "  #%d %s step %d: %s%n", trial.index(), trial.model(), step, extra);
            lastLine = System.nanoTime();
        }
    }

    @Override
    public void evaluated(EvalPoint point) {
        lastValidation = String.format(Locale.ROOT, "%.2f%%", 100 * point.validationAccuracy());
        if (bar == null) {
            err.printf(Locale.ROOT, "  #%d %s step %d: validation %.2f%% (train loss %.4f, train acc %.2f%%,"
                    + " %.0f s)%n", trial.index(), trial.model(), point.step(), 100 * point.validationAccuracy(),
                    point.trainLoss(), 100 * point.trainAccuracy(), point.elapsedSeconds());
        }
    }

    @Override
    public void warning(TrialSpec trial, String message) {
        err.println("warning: #" + trial.index() + " " + trial.model() + ": " + message);
    }

    /** Returns how many trials were kept from an earlier run instead of trained. */
    public int keptTrials() {
        return keptTrials;
    }

    @Override
    public void kept(TrialSpec trial, RunResult result, java.nio.file.Path trialDir) {
        keptTrials++;
        err.printf(Locale.ROOT, "kept #%d %s %s seed %d: %s holds its result from %s (%s); --fresh retrains it%n",
                trial.index(), trial.model(), trial.protocol(), trial.seed(), trialDir,
                result.provenance() == null ? "an earlier run" : result.provenance().startedAt(),
                result.isCompleted() ? String.format(Locale.ROOT, "test %.2f%%", 100 * result.testAccuracyAtBest())
                        : "failed");
    }

    @Override
    public void finished(RunResult result) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        TrialSpec t = result.trial();
        if (result.isCompleted()) {
            err.printf(Locale.ROOT, "#%d %s %s seed %d: test %.2f%% at best validation %.2f%% (step %d),"
                    + " final test %.2f%%, %.0f s, %.1f samples/s%n", t.index(), t.model(), t.protocol(), t.seed(),
                    100 * result.testAccuracyAtBest(), 100 * result.bestValidationAccuracy(), result.bestStep(),
                    100 * result.testAccuracyFinal(), result.wallSeconds(), result.trainSamplesPerSecond());
        } else {
            err.printf(Locale.ROOT, "#%d %s %s seed %d: FAILED: %s%n", t.index(), t.model(), t.protocol(), t.seed(),
                    result.failureReason());
        }
    }
}
