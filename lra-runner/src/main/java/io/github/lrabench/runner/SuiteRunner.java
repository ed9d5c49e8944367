package io.github.lrabench.runner;

import io.github.lrabench.api.PluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the trials of a suite into one output folder, holding its lock. A trial whose {@code result.json}
 * exists is finished and kept; any other resumes from its last checkpoint. Running the same command again after a
 * crash therefore completes the suite without retraining finished models. Before anything is written into the
 * output folder and before any data is loaded, every trial is checked ({@link SuiteValidation}: its training
 * settings, data block, variant, and its model built without training); the problems of all trials are reported
 * together in one {@link SuiteValidationException} and nothing runs. Before any training, every checkpoint
 * to be resumed is checked against the configuration it would continue under; conflicts are reported together and
 * nothing runs. A finished trial of a plugin model whose recorded jars (SHA-256) differ from the jars loaded now is
 * stale: it is said so, its result is kept aside as {@code result.stale.json}, and the trial runs again.
 */
public final class SuiteRunner {

    private final TrialRunner trials;
    private final TrialDataSource data;
    private final double stopWaitSeconds;
    private final ResultFiles results = new ResultFiles();
    private final Function<String, List<PluginJar>> pluginJars;

    /**
     * Creates the suite runner.
     *
     * @param trials the trial runner
     * @param data where each trial's data comes from
     * @param stopWaitSeconds on SIGTERM or Ctrl-C, how long the process waits for the running trial to write a
     *     checkpoint of its current step before it exits ({@code lra.stop-wait-seconds})
     */
    public SuiteRunner(TrialRunner trials, TrialDataSource data, double stopWaitSeconds) {
        this(trials, data, stopWaitSeconds, model -> List.of());
    }

    /**
     * Creates the suite runner for models that may come from plugin jars.
     *
     * @param trials the trial runner
     * @param data where each trial's data comes from
     * @param stopWaitSeconds see {@link #SuiteRunner(TrialRunner, TrialDataSource, double)}
     * @param pluginJars the jars each model id comes from now ({@code ModelRegistry.pluginJars}), recorded in each
     *     new result's provenance and compared with those a finished result recorded
     */
    public SuiteRunner(TrialRunner trials, TrialDataSource data, double stopWaitSeconds,
            Function<String, List<PluginJar>> pluginJars) {
        this.trials = trials;
        this.data = data;
        this.stopWaitSeconds = stopWaitSeconds;
        this.pluginJars = pluginJars;
    }

    /**
     * Runs the given trials (all of a plan, or one for a fan-out).
     *
     * @param toRun the trials
     * @param outputDir the suite's output folder
     * @param listener progress callbacks
     * @return the results of every trial, finished earlier or now
     * @throws SuiteValidationException when a trial has a bad setting or a model cannot be built (every such trial
     *     named with its problems; nothing is written)
     * @throws IllegalArgumentException when checkpoints were written under another configuration (all of them named)
     */
    public List<RunResult> run(List<TrialSpec> toRun, Path outputDir, TrialListener listener) {
        return run(toRun, outputDir, false, listener);
    }

    /**
     * Runs the given trials, optionally from scratch.
     *
     * @param toRun the trials
     * @param outputDir the suite's output folder
     * @param fresh delete the trials' folders first (results and checkpoints) and train them again
     * @param listener progress callbacks
     * @return the results of every trial, finished earlier or now
     * @throws SuiteValidationException when a trial has a bad setting or a model cannot be built (nothing is written
     *     and, with {@code fresh}, nothing deleted)
     * @throws IllegalArgumentException when results or checkpoints were written under another configuration
     */
    public List<RunResult> run(List<TrialSpec> toRun, Path outputDir, boolean fresh, TrialListener listener) {
        StopRequest stop = new StopRequest();
        Thread onShutdown = new Thread(() -> stop.requestAndAwait(stopWaitSeconds), "lra-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            return run(toRun, outputDir, fresh, listener, stop);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it goes on once run() has stopped
            }
        }
    }

    /**
     * Runs the given trials until they are done or a stop is requested.
     *
     * @param toRun the trials
     * @param outputDir the suite's output folder
     * @param listener progress callbacks
     * @param stop checked before each trial and each step
     * @return the results of every trial, finished earlier or now
     * @throws StopRequest.StoppedException when stopped on request (the running trial's checkpoint written)
     * @throws SuiteValidationException when a trial has a bad setting or a model cannot be built
     * @throws IllegalArgumentException when checkpoints were written under another configuration (all of them named)
     */
    public List<RunResult> run(List<TrialSpec> toRun, Path outputDir, TrialListener listener, StopRequest stop) {
        return run(toRun, outputDir, false, listener, stop);
    }

    private List<RunResult> run(List<TrialSpec> toRun, Path outputDir, boolean fresh, TrialListener listener,
            StopRequest stop) {
        new SuiteValidation(trials.context()).check(toRun, data);
        List<RunResult> all = new ArrayList<>();
        OutputLock lock = OutputLock.acquire(outputDir);
        try {
            if (fresh) {
                deleteTrialFolders(toRun, outputDir);
            }
            refuseConflictingResumes(toRun, outputDir);
            for (TrialSpec trial : toRun) {
                Path trialDir = outputDir.resolve(trial.relativeDirectory());
                Path resultFile = trialDir.resolve(ResultFiles.RESULT_FILE);
                List<PluginJar> jars = pluginJars.apply(trial.model());
                if (Files.isRegularFile(resultFile)) {
                    try {
                        RunResult finished = results.read(resultFile);
                        Optional<String> stale = PluginChange.describe(finished.provenance().plugins(), jars);
                        if (stale.isEmpty()) {
                            listener.kept(trial, finished, trialDir);
                            all.add(finished);
                            continue;
                        }
                        listener.warning(trial, "stale result: " + stale.get() + "; kept aside as "
                                + ResultFiles.STALE_FILE + ", the trial runs again");
                        Files.move(resultFile, trialDir.resolve(ResultFiles.STALE_FILE),
                                StandardCopyOption.REPLACE_EXISTING);
                        CheckpointStore.ofTrial(trialDir).clear();
                    } catch (IllegalArgumentException unreadable) {
                        listener.warning(trial, unreadable.getMessage() + "; the trial runs again");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot move the stale " + resultFile + " aside", e);
                    }
                }
                if (stop.isRequested()) {
                    throw new StopRequest.StoppedException("stopped on request before " + trialDir);
                }
                RunResult result = trials.run(trial, data.load(trial), trialDir, listener, stop);
                if (!jars.isEmpty() && !jars.equals(result.provenance().plugins())) {
                    result = result.withProvenance(result.provenance().withPlugins(jars));
                    results.write(resultFile, result);
                }
                all.add(result);
            }
        } finally {
            lock.close();
            stop.stopped();
        }
        return all;
    }

    /**
     * Refuses, before anything trains, to resume a checkpoint or to keep a finished result written under another
     * configuration than the one the trial would now run under; every such trial is named.
     */
    private void refuseConflictingResumes(List<TrialSpec> toRun, Path outputDir) {
        List<String> conflicts = new ArrayList<>();
        for (TrialSpec trial : toRun) {
            Path trialDir = outputDir.resolve(trial.relativeDirectory());
            Path resultFile = trialDir.resolve(ResultFiles.RESULT_FILE);
            if (!Files.isRegularFile(resultFile)) {
                trials.resumeConflict(trial, trialDir).ifPresent(conflicts::add);
                continue;
            }
            try {
                RunResult finished = results.read(resultFile);
                if (PluginChange.describe(finished.provenance().plugins(), pluginJars.apply(trial.model())).isEmpty()) {
                    trials.keepConflict(trial, finished, resultFile).ifPresent(conflicts::add);
                }
                // a result of a changed plugin jar is stale: it is set aside and the trial runs again
            } catch (IllegalArgumentException unreadable) {
                // an unreadable result is redone with a warning when its turn comes
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(conflicts.size() + " trial(s) in " + outputDir + " were written"
                    + " under another configuration:\n  " + String.join("\n  ", conflicts)
                    + "\nRe-run with --fresh to train them again, or choose another --out");
        }
    }

    private static void deleteTrialFolders(List<TrialSpec> toRun, Path outputDir) {
        for (TrialSpec trial : toRun) {
            Path trialDir = outputDir.resolve(trial.relativeDirectory());
            try {
                AtomicFiles.deleteTree(trialDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete " + trialDir + " for --fresh", e);
            }
        }
    }
}
