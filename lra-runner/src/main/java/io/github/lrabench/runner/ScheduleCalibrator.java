package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Measures, at the start of a trial with a budget schedule, what a training step and a validation pass cost on
 * this machine, and sizes the schedule from it ({@link SchedulePlanner}).
 *
 * <p>It trains a separate copy of the model (same architecture, its own parameters and optimiser state) for
 * untimed warm-up steps and then timed steps (each phase bounded by a step count and a time, {@link
 * TrainingSettings.CalibrationSettings}), on the trial's own first batches; then it times inference on
 * the first sequences of the validation split and one checkpoint write, and extrapolates to a full pass. It runs
 * on the trial's device ({@code lra.device}), so that it times the steps the trial will run. The
 * trial's model is built afterwards from the trial's seed, so the calibration changes nothing it computes.
 */
final class ScheduleCalibrator {

    private final RunnerContext context;

    /**
     * Creates the calibrator.
     *
     * @param context the runner context (providers, engine)
     */
    ScheduleCalibrator(RunnerContext context) {
        this.context = context;
    }

    /**
     * Calibrates and plans.
     *
     * @param trial the trial
     * @param variant the model variant
     * @param settings the training settings
     * @param data the trial's data
     * @param budgetSeconds the trial's budget clock so far (the calibration's own time counts against the budget);
     *     every cost is measured on {@link TrainingSettings#budgetClock()}
     * @return the schedule
     * @throws IllegalArgumentException when the budget is too small for one step and one evaluation
     */
    TrainingSchedule calibrate(TrialSpec trial, String variant, TrainingSettings settings, TrialData data,
            DoubleSupplier budgetSeconds) {
        BudgetClock clock = settings.budgetClock();
        TrainingSettings.CalibrationSettings calibration = settings.calibration();
        TaskSpec task = data.train().task();
        SequenceClassifier classifier = context.create(trial.model(), task, variant);
        StepSampler sampler = new StepSampler(trial.seed(), data.train().size(), settings.batchSize());
        try (Model model = Model.newInstance(trial.model() + "-calibration", context.device(), context.engine())) {
            model.setBlock(classifier.block());
            classifier.block().initialize(model.getNDManager(), DataType.FLOAT32,
                    task.inputShape(settings.batchSize()));
            AdamMoments moments = new AdamMoments(classifier.block().getParameters());
            double stepSeconds;
            int timedSteps;
            ParameterGroupAssignment groups = ParameterGroupAssignment.resolve(trial.model(),
                    classifier.parameterGroups(), classifier.block().getParameters());
            try (Trainer trainer = model.newTrainer(OptimizerSetup.trainingConfig(settings,
                    Tracker.fixed((float) settings.learningRate()), moments, 0, groups))) {
                trainer.initialize(task.inputShape(settings.batchSize()));
                int step = 0;
                long warmupStart = clock.nanos();
                while (step < calibration.warmupSteps()
                        || clock.secondsSince(warmupStart) < calibration.warmupSeconds()) {
                    TrainingStep.run(model, trainer, data.train(), sampler.batch(step++), settings);
                }
                // windows of at least `steps` steps and min-seconds each, until two in a row agree within 10%
                // (the first steps of a fresh process run slower while the JIT and the allocator settle) or
                // max-seconds of timing have passed; the last window is the measurement
                long started = clock.nanos();
                double previous = Double.NaN;
                double current;
                int windowSteps;
                do {
                    long t0 = clock.nanos();
                    windowSteps = 0;
                    while (windowSteps == 0 || clock.secondsSince(t0) < calibration.minSeconds()
                            || (windowSteps < calibration.steps()
                                    && clock.secondsSince(t0) < calibration.maxSeconds())) {
                        TrainingStep.run(model, trainer, data.train(), sampler.batch(step++), settings);
                        windowSteps++;
                    }
                    double perStep = clock.secondsSince(t0) / windowSteps;
                    current = perStep;
                    boolean settled = !Double.isNaN(previous) && Math.abs(perStep - previous) <= 0.1 * previous;
                    previous = perStep;
                    if (settled) {
                        break;
                    }
                } while (clock.secondsSince(started) < calibration.maxSeconds());
                timedSteps = windowSteps;
                stepSeconds = current;
            }
            int batch = settings.evalBatchSize();
            int validation = data.validation().size();
            int passBatches = (validation + batch - 1) / batch;
            int timedBatches = Math.max(1, Math.min(passBatches, (calibration.evalSamples() + batch - 1) / batch));
            int evalSamples = Math.min(validation, timedBatches * batch);
            Evaluation.accuracy(model, data.validation(), batch, Math.min(evalSamples, batch));
            long t1 = clock.nanos();
            Evaluation.accuracy(model, data.validation(), batch, evalSamples);
            double passSeconds = (clock.nanos() - t1) / 1e9 * passBatches / timedBatches;
            double evalSeconds = passSeconds + 2 * checkpointSeconds(model, moments, clock);
            return SchedulePlanner.plan(settings, data.train().size(), stepSeconds, evalSeconds,
                    budgetSeconds.getAsDouble(), timedSteps, evalSamples);
        }
    }

    /**
     * Times one checkpoint write (an improving evaluation writes two: best and latest); the first write, which
     * pays one-time costs, is not timed.
     */
    private static double checkpointSeconds(Model model, AdamMoments moments, BudgetClock clock) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lra-calibration");
            CheckpointStore store = new CheckpointStore(dir);
            TrialState state = new TrialState(0, 0, 0, 0, null, null, List.of(), List.of(), "", null, null, null,
                    null, null);
            store.save(CheckpointStore.LATEST, model, state, moments.snapshot());
            long t0 = clock.nanos();
            store.save(CheckpointStore.LATEST, model, state, moments.snapshot());
            return (clock.nanos() - t0) / 1e9;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the calibration", e);
        } finally {
            if (dir != null) {
                try {
                    AtomicFiles.deleteTree(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind costs nothing
                }
            }
        }
    }
}
