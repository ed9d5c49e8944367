package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains one model under one protocol and scores it: the shared loop every provider goes through.
 *
 * <p>Step-based: each step trains one batch (Adam or AdamW, linear warmup then cosine to an explicit final
 * value, optional global-norm clipping); every {@code eval-every} steps the model is scored on validation, a
 * checkpoint is written, and the best-validation parameters are kept. Training stops at the planned steps or when
 * the wall-clock budget ends; test accuracy is then measured at the best-validation parameters and at the final
 * ones. A NaN or infinite loss ends the trial as {@code failed} with its reason.
 */
public final class TrialRunner {

    private final RunnerContext context;

    /**
     * Creates the runner.
     *
     * @param context the runner context (providers, configuration, engine)
     */
    public TrialRunner(RunnerContext context) {
        this.context = context;
    }

    /** Returns the runner context the trials run in. */
    RunnerContext context() {
        return context;
    }

    /**
     * Runs (or resumes) a trial and writes its {@code result.json} into {@code trialDir}.
     *
     * @param trial the trial
     * @param data its data
     * @param trialDir the trial's folder
     * @param listener progress callbacks
     * @param stop checked before each step: when requested, a checkpoint of the current step is written and
     *     {@link StopRequest.StoppedException} thrown, with no result
     * @return the result
     * @throws IllegalArgumentException when the engine cannot be loaded or {@code lra.device} names a GPU it does
     *     not see: a setting to fix, not a failed trial
     */
    public RunResult run(TrialSpec trial, TrialData data, Path trialDir, TrialListener listener, StopRequest stop) {
        context.device();
        resetPeakMemory();
        TrialSettingsResolver resolver = new TrialSettingsResolver(context.config());
        TrainingSettings settings = resolver.training(trial);
        String variant = context.variant(trial.profile(), trial.model());
        SequenceClassifierProvider provider = context.registry().get(trial.model());
        Attempt attempt = new Attempt(trial, provider, variant, settings, resolver.protocolVersion(trial.protocol()),
                data, renderConfig(trial, resolver, resolver.block("training", trial)), resumeKey(trial), stop);
        RunResult result = attempt.run(trialDir, listener);
        new ResultFiles().write(trialDir.resolve(ResultFiles.RESULT_FILE), result);
        listener.finished(result);
        return result;
    }

    /**
     * Checks a trial's last checkpoint, if it has one, against the configuration it would now be resumed under,
     * before anything is trained: continuing a checkpoint under other steps, rates, data or model settings would
     * mix two experiments in one result. Only the wall-clock budget may change between runs.
     *
     * @param trial the trial
     * @param trialDir the trial's folder
     * @return what differs and what to do about it, or empty when there is nothing to resume or it matches
     */
    public Optional<String> resumeConflict(TrialSpec trial, Path trialDir) {
        CheckpointStore store = CheckpointStore.ofTrial(trialDir);
        Optional<TrialState> saved = store.peek(CheckpointStore.LATEST);
        if (saved.isEmpty() || saved.get().resumeKey() == null) {
            return Optional.empty();
        }
        String now = resumeKey(trial);
        String then = saved.get().resumeKey();
        if (then.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(store.root() + " (step " + saved.get().step() + ") was written under another"
                + " configuration: " + ConfigText.firstDifference(then, now) + ". Run with the configuration it"
                + " started with (only training.budget-minutes may change), or delete " + store.root()
                + " to start the trial over");
    }

    /**
     * Checks a finished trial's result against the configuration the trial would now run under: a result of
     * another configuration (other budget, rates, data or model settings, engine) is not kept silently.
     *
     * @param trial the trial
     * @param result the result found in its folder
     * @param resultFile where it was found, for the message
     * @return what differs, or empty when it matches
     */
    public Optional<String> keepConflict(TrialSpec trial, RunResult result, Path resultFile) {
        if (result.provenance() == null) {
            return Optional.empty();
        }
        TrialSettingsResolver resolver = new TrialSettingsResolver(context.config());
        String now = renderConfig(trial, resolver, resolver.block("training", trial));
        String then = result.provenance().resolvedConfig();
        if (then.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(resultFile + " (finished) was written under another configuration: "
                + ConfigText.firstDifference(then, now));
    }

    /**
     * The part of a trial's resolved configuration that decides its training: the training block without its
     * wall-clock budget, the data block, the model's variant and the engine.
     *
     * @param trial the trial
     * @return the configuration rendered as text
     */
    String resumeKey(TrialSpec trial) {
        TrialSettingsResolver resolver = new TrialSettingsResolver(context.config());
        return renderConfig(trial, resolver, resolver.block("training", trial).withoutPath("budget-minutes"));
    }

    private String renderConfig(TrialSpec trial, TrialSettingsResolver resolver, Config training) {
        ConfigRenderOptions options = ConfigRenderOptions.concise().setFormatted(true).setJson(false);
        return "training " + training.root().render(options) + "\n"
                + "data " + resolver.block("data", trial).root().render(options) + "\n"
                + "model " + io.github.lrabench.api.ModelConfigs
                        .forVariant(context.config(), trial.model(), context.variant(trial.profile(), trial.model()))
                        .root().render(options) + "\n"
                + "engine = " + context.engine() + "\n";
    }

    private static void resetPeakMemory() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux or not permitted: the peak then covers the whole process
        }
    }

    /** The mutable state of one run of the loop. */
    private final class Attempt {
        private final TrialSpec trial;
        private final SequenceClassifierProvider provider;
        private final String variant;
        private final TrainingSettings settings;
        private final int protocolVersion;
        private final TrialData data;
        private final String renderedConfig;
        private final String resumeKey;
        private final StopRequest stop;

        private final List<EvalPoint> curve = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int step;
        private double priorWallSeconds;
        private double priorBudgetSeconds;
        private long startBudgetNanos;
        private double trainSeconds;
        private long samplesTrained;
        private Integer bestStep;
        private Double bestValidation;
        private String startedAt = Instant.now().toString();
        private final String gitCommit = MachineInfo.gitCommit();
        private Long parameters;
        private Long flops;
        private com.typesafe.config.Config modelConfig;
        private AdamMoments moments;
        private int checkpointedStep;
        private long startNanos;
        private TrainingSchedule schedule;
        private AdjustableLearningRate rates;
        private double lastEvalSeconds;

        Attempt(TrialSpec trial, SequenceClassifierProvider provider, String variant, TrainingSettings settings,
                int protocolVersion, TrialData data, String renderedConfig, String resumeKey, StopRequest stop) {
            this.trial = trial;
            this.provider = provider;
            this.variant = variant;
            this.settings = settings;
            this.protocolVersion = protocolVersion;
            this.data = data;
            this.renderedConfig = renderedConfig;
            this.resumeKey = resumeKey;
            this.stop = stop;
        }

        RunResult run(Path trialDir, TrialListener listener) {
            startNanos = System.nanoTime();
            startBudgetNanos = settings.budgetClock().nanos();
            TaskSpec task = data.train().task();
            CheckpointStore checkpoints = CheckpointStore.ofTrial(trialDir);
            try {
                schedule = schedule(checkpoints);
                lastEvalSeconds = schedule.calibration() == null ? 0 : schedule.calibration().evalSeconds();
            } catch (RuntimeException e) {
                return failed("the schedule could not be sized from the budget: " + e.getMessage()
                        + FailureLog.write(trialDir, e), null, null);
            }
            SequenceClassifier classifier;
            try {
                Engine.getEngine(context.engine()).setRandomSeed(trial.seed());
                classifier = context.create(trial.model(), task, variant);
                modelConfig = io.github.lrabench.api.ModelConfigs.forVariant(context.config(), trial.model(), variant);
                flops = classifier.forwardFlopsPerSample().isPresent()
                        ? classifier.forwardFlopsPerSample().getAsLong() : null;
            } catch (RuntimeException e) {
                return failed("the model could not be built: " + e.getMessage() + FailureLog.write(trialDir, e),
                        null, null);
            }
            try (Model model = Model.newInstance(trial.model(), context.device(), context.engine())) {
                model.setBlock(classifier.block());
                model.setProperty("lra.model", trial.model());
                classifier.block().initialize(model.getNDManager(), DataType.FLOAT32,
                        task.inputShape(settings.batchSize()));
                parameters = ParameterCounts.trainable(classifier.block());
                Optional<String> badOutput = OutputCheck.problem(model, data.train(), trial.model());
                if (badOutput.isPresent()) {
                    return failed(badOutput.get(), null, null);
                }
                moments = new AdamMoments(classifier.block().getParameters());
                ParameterGroupAssignment groups = ParameterGroupAssignment.resolve(trial.model(),
                        classifier.parameterGroups(), classifier.block().getParameters());
                resume(checkpoints, model);
                groups.describe(settings).filter(note -> !notes.contains(note)).ifPresent(notes::add);
                rates = new AdjustableLearningRate(learningRates());
                try (Trainer trainer = model.newTrainer(
                        OptimizerSetup.trainingConfig(settings, rates, moments, step, groups))) {
                    trainer.initialize(task.inputShape(settings.batchSize()));
                    listener.started(trial, step, schedule.steps());
                    Optional<String> failure = train(model, trainer, checkpoints, listener);
                    if (failure.isPresent()) {
                        return failed(failure.get(), null, null);
                    }
                }
                return finish(model, checkpoints, trialDir);
            } catch (StopRequest.StoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                return failed((FailureLog.isInternal(e) ? "internal error of the runner (please report it): "
                        : "training failed: ") + e + FailureLog.write(trialDir, e), null, null);
            }
        }

        /**
         * The schedule a resumed trial recorded; else the configured one; else one sized from the budget by a
         * calibration on this machine.
         */
        private TrainingSchedule schedule(CheckpointStore checkpoints) {
            Optional<TrainingSchedule> recorded = checkpoints.peek(CheckpointStore.LATEST)
                    .map(TrialState::schedule);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            if (settings.schedule() == TrainingSettings.ScheduleMode.STEPS) {
                return TrainingSchedule.configured(settings);
            }
            TrainingSchedule calibrated = new ScheduleCalibrator(context)
                    .calibrate(trial, variant, settings, data, this::budgetSeconds);
            TrainingSchedule.Calibration c = calibrated.calibration();
            notes.add(String.format(java.util.Locale.ROOT, "schedule sized from the %.1f-minute budget of %s: %d"
                    + " steps (%.3f s each), %d evaluations every %d steps (%.1f s each), warmup %d; calibration took"
                    + " %.1f s%s", settings.budgetMinutes(), settings.budgetClock().description(),
                    calibrated.steps(), c.stepSeconds(),
                    (calibrated.steps() + calibrated.evalEvery() - 1) / calibrated.evalEvery(),
                    calibrated.evalEvery(), c.evalSeconds(), calibrated.warmupSteps(), c.calibrationSeconds(),
                    c.epochCap() != null && calibrated.steps() == c.epochCap()
                            ? "; capped by training.max-epochs" : ""));
            return calibrated;
        }

        private void resume(CheckpointStore checkpoints, Model model) {
            Optional<TrialState> loaded;
            Optional<NDList> savedMoments;
            try {
                loaded = checkpoints.load(CheckpointStore.LATEST, model);
                savedMoments = loaded.isPresent()
                        ? checkpoints.loadOptimizerState(CheckpointStore.LATEST, model.getNDManager())
                        : Optional.empty();
            } catch (CheckpointStore.CorruptCheckpointException e) {
                notes.add("checkpoint was damaged and ignored, training restarted from step 0: " + e.getMessage());
                checkpoints.clear();
                return;
            }
            loaded.ifPresent(state -> {
                step = state.step();
                checkpointedStep = step;
                priorWallSeconds = state.wallSeconds();
                priorBudgetSeconds = state.budgetSeconds() != null ? state.budgetSeconds() : state.wallSeconds();
                trainSeconds = state.trainSeconds();
                samplesTrained = state.samplesTrained();
                bestStep = state.bestStep();
                bestValidation = state.bestValidationAccuracy();
                curve.addAll(state.curve());
                notes.addAll(state.notes());
                startedAt = state.startedAt();
                savedMoments.ifPresent(moments::restore);
                notes.add("resumed from the checkpoint at step " + step + (savedMoments.isPresent()
                        ? " (parameters, Adam moments, step, schedule, data order)"
                        : " (parameters, step, schedule, data order; the checkpoint holds no Adam moments,"
                                + " which restart from zero)"));
            });
        }

        private LearningRateSchedule learningRates() {
            return new LearningRateSchedule((float) settings.learningRate(), (float) settings.finalLearningRate(),
                    schedule.warmupSteps(), schedule.steps());
        }

        private Optional<String> train(Model model, Trainer trainer, CheckpointStore checkpoints,
                TrialListener listener) {
            StepSampler sampler = new StepSampler(trial.seed(), data.train().size(), settings.batchSize());
            double lossSum = 0;
            double accuracySum = 0;
            int stepsSinceEval = 0;
            while (step < schedule.steps()) {
                if (stop.isRequested()) {
                    stopOnRequest(model, checkpoints, listener);
                }
                if (budgetExhausted()) {
                    notes.add(String.format(java.util.Locale.ROOT,
                            "stopped by the %.1f-minute budget at step %d of %d (%.1f%% of the schedule)",
                            settings.budgetMinutes(), step, schedule.steps(), 100.0 * step / schedule.steps()));
                    break;
                }
                int[] indices = sampler.batch(step);
                long t0 = settings.budgetClock().nanos();
                TrainingStep.Outcome outcome = TrainingStep.run(model, trainer, data.train(), indices, settings);
                if (outcome.diverged()) {
                    return Optional.of("the training loss became " + outcome.loss() + " at step " + (step + 1)
                            + " (diverged)");
                }
                trainSeconds += settings.budgetClock().secondsSince(t0);
                samplesTrained += indices.length;
                step++;
                lossSum += outcome.loss();
                accuracySum += (double) outcome.correct() / indices.length;
                stepsSinceEval++;
                listener.stepped(step, outcome.loss(), (double) outcome.correct() / indices.length,
                        samplesTrained / Math.max(trainSeconds, 1e-9));
                if (schedule.evaluatesAt(step)) {
                    evaluate(model, checkpoints, listener, lossSum / stepsSinceEval, accuracySum / stepsSinceEval);
                    lossSum = 0;
                    accuracySum = 0;
                    stepsSinceEval = 0;
                }
            }
            if (stepsSinceEval > 0) {
                evaluate(model, checkpoints, listener, lossSum / stepsSinceEval, accuracySum / stepsSinceEval);
            }
            if (curve.isEmpty()) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "the %.1f-minute budget ended at step %d, before the first evaluation at step %d: raise"
                                + " training.budget-minutes or lower training.eval-every",
                        settings.budgetMinutes(), step, schedule.evalEvery()));
            }
            return Optional.empty();
        }

        private void evaluate(Model model, CheckpointStore checkpoints, TrialListener listener, double trainLoss,
                double trainAccuracy) {
            long t0 = settings.budgetClock().nanos();
            double validation = Evaluation.accuracy(model, data.validation(), settings.evalBatchSize());
            EvalPoint point = new EvalPoint(step, wallSeconds(), trainLoss, trainAccuracy, validation,
                    learningRates().getNewValue(Math.max(0, step - 1)), budgetSeconds());
            curve.add(point);
            if (curve.size() == 1) {
                replanFromTheFirstEvaluation(settings.budgetClock().secondsSince(t0));
            }
            if (bestValidation == null || validation > bestValidation) {
                bestValidation = validation;
                bestStep = step;
                checkpoints.save(CheckpointStore.BEST, model, state(), null);
            }
            checkpoints.save(CheckpointStore.LATEST, model, state(), moments.snapshot());
            checkpointedStep = step;
            lastEvalSeconds = settings.budgetClock().secondsSince(t0);
            listener.evaluated(point);
        }

        private void stopOnRequest(Model model, CheckpointStore checkpoints, TrialListener listener) {
            if (step > checkpointedStep) {
                checkpoints.save(CheckpointStore.LATEST, model, state(), moments.snapshot());
                checkpointedStep = step;
            }
            String message = "stopped on request at step " + step + " of " + schedule.steps() + "; its checkpoint"
                    + " is written: re-run the same command to resume";
            listener.warning(trial, message);
            throw new StopRequest.StoppedException(trial.model() + " " + trial.protocol() + " seed " + trial.seed()
                    + " " + message);
        }

        private RunResult finish(Model model, CheckpointStore checkpoints, Path trialDir) {
            double finalValidation = curve.get(curve.size() - 1).validationAccuracy();
            double testFinal = Evaluation.accuracy(model, data.test(), settings.evalBatchSize());
            double testBest = testFinal;
            if (bestStep != null && bestStep != step) {
                checkpoints.load(CheckpointStore.BEST, model);
                testBest = Evaluation.accuracy(model, data.test(), settings.evalBatchSize());
            }
            boolean byBudget = step < schedule.steps();
            new TrainedModelCard(trial.model(), trial.protocol(), data.train().task(), modelConfig, data.classNames())
                    .write(trialDir);
            return result(RunResult.COMPLETED, "", byBudget, finalValidation, testBest, testFinal);
        }

        private RunResult failed(String reason, Double testBest, Double testFinal) {
            return result(RunResult.FAILED, reason, false, null, testBest, testFinal);
        }

        private RunResult result(String status, String reason, boolean byBudget, Double finalValidation,
                Double testBest, Double testFinal) {
            return new RunResult(RunResult.SCHEMA_VERSION, trial, provider.family(), variant, protocolVersion,
                    status, reason, List.copyOf(notes), parameters, flops, step,
                    schedule == null ? settings.steps() : schedule.steps(),
                    settings.budgetMinutes(), byBudget, schedule, trainSeconds > 0 ? samplesTrained / trainSeconds : 0,
                    MachineInfo.peakResidentBytes(), wallSeconds(), bestStep, bestValidation, testBest,
                    finalValidation, testFinal, List.copyOf(curve), provider.paperResult().orElse(null),
                    MachineInfo.provenance(renderedConfig, context.engine(), context.device(), data.description(),
                            startedAt, gitCommit),
                    new SampleCounts(samplesTrained, data.train().size(), data.validation().size(),
                            data.test().size()));
        }

        /**
         * Re-sizes a calibrated schedule once, at its first evaluation, when the steps trained so far cost more than
         * 10% more or less than the calibration measured: the remaining budget is filled with steps at the measured
         * cost and the remaining evaluations at the measured validation cost (capped by max-epochs as before).
         */
        private void replanFromTheFirstEvaluation(double evalSeconds) {
            if (step == 0 || trainSeconds <= 0) {
                return;
            }
            TrainingSchedule before = schedule;
            SchedulePlanner.replan(schedule, settings, step, trainSeconds / step, evalSeconds, budgetSeconds())
                    .ifPresent(after -> {
                        notes.add(String.format(java.util.Locale.ROOT, "schedule re-planned at the first"
                                + " evaluation (step %d): steps cost %.4f s on the budget's clock against the"
                                + " calibration's %.4f s, so %d steps (evaluation every %d) instead of %d (every %d)",
                                step, after.replan().stepSeconds(), before.calibration().stepSeconds(), after.steps(),
                                after.evalEvery(), before.steps(), before.evalEvery()));
                        schedule = after;
                        rates.follow(learningRates());
                    });
        }

        private TrialState state() {
            return new TrialState(step, wallSeconds(), trainSeconds, samplesTrained, bestStep, bestValidation,
                    List.copyOf(curve), List.copyOf(notes), startedAt, resumeKey, null, null, schedule,
                    budgetSeconds());
        }

        private double wallSeconds() {
            return priorWallSeconds + (System.nanoTime() - startNanos) / 1e9;
        }

        /** Seconds of the budget's clock spent so far, across resumes. */
        private double budgetSeconds() {
            return priorBudgetSeconds + settings.budgetClock().secondsSince(startBudgetNanos);
        }

        /**
         * Whether the budget leaves no room for another step and the closing evaluation: the time of the last
         * evaluation (or the calibration's estimate) is held back, so that a machine that slows down mid-run still
         * ends at the budget with an evaluation of its last step.
         */
        private boolean budgetExhausted() {
            return budgetSeconds() + lastEvalSeconds >= settings.budgetMinutes() * 60;
        }
    }

}
