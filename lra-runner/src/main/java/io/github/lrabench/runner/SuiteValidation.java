package io.github.lrabench.runner;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every trial of a suite before the first one trains, so that a bad setting of one model does not surface
 * hours into a suite: each trial's training settings, protocol version, data block and model variant are read as
 * the trial will read them, and its model is built (provider {@code create}, block {@code initialize} on the
 * trial's input shape, parameter groups resolved) without training. Every problem of every trial is reported in one
 * {@link SuiteValidationException}.
 *
 * <p>Nothing is written and no data is loaded. Building a model draws from the engine's random generator; a trial
 * seeds the engine with its own seed right before it builds its model, so this check changes nothing a trial
 * computes. A model is built once per model, protocol, variant and batch size (trials that differ only in their
 * seed build the same model).
 */
final class SuiteValidation {

    private final RunnerContext context;

    /**
     * Creates the check.
     *
     * @param context the runner context the trials will run in
     */
    SuiteValidation(RunnerContext context) {
        this.context = context;
    }

    /**
     * Checks the trials.
     *
     * @param trials the trials about to run
     * @param data where their data will come from (its settings are checked, nothing is loaded)
     * @throws SuiteValidationException naming every trial that has a problem, with its problems
     * @throws IllegalArgumentException when the engine cannot be loaded or {@code lra.device} names a GPU it does
     *     not see (a problem of the whole suite)
     */
    void check(List<TrialSpec> trials, TrialDataSource data) {
        Device device = context.device();
        Map<String, Optional<String>> builds = new HashMap<>();
        Map<TrialSpec, List<String>> problems = new LinkedHashMap<>();
        for (TrialSpec trial : trials) {
            List<String> found = problems(trial, data, device, builds);
            if (!found.isEmpty()) {
                problems.put(trial, found);
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteValidationException(problems, trials.size());
        }
    }

    private List<String> problems(TrialSpec trial, TrialDataSource data, Device device,
            Map<String, Optional<String>> builds) {
        List<String> problems = new ArrayList<>();
        TrialSettingsResolver resolver = new TrialSettingsResolver(context.config());
        int batch = 1;
        try {
            batch = resolver.training(trial).batchSize();
        } catch (RuntimeException e) {
            problems.add(message(e));
        }
        try {
            resolver.protocolVersion(trial.protocol());
        } catch (RuntimeException e) {
            problems.add("lra.protocols." + trial.protocol() + ".version: " + message(e));
        }
        problems.addAll(data.problems(trial));
        String variant;
        try {
            variant = context.variant(trial.profile(), trial.model());
        } catch (RuntimeException e) {
            problems.add(message(e));
            return problems;
        }
        int shapeBatch = batch;
        builds.computeIfAbsent(String.join("|", trial.model(), trial.protocol(), variant, Integer.toString(batch)),
                k -> build(trial, variant, shapeBatch, device)).ifPresent(problems::add);
        return problems;
    }

    /** Builds and initialises the trial's model without training it; returns what went wrong, if anything. */
    private Optional<String> build(TrialSpec trial, String variant, int batch, Device device) {
        String model = "model '" + trial.model() + "' (variant " + variant + ")";
        TaskSpec task;
        SequenceClassifier classifier;
        try {
            task = context.task(trial.protocol());
            classifier = context.create(trial.model(), task, variant);
        } catch (RuntimeException e) {
            return Optional.of(model + " cannot be built: " + message(e));
        }
        Shape shape = task.inputShape(batch);
        try (Model check = Model.newInstance(trial.model() + "-check", device, context.engine())) {
            check.setBlock(classifier.block());
            try {
                classifier.block().initialize(check.getNDManager(), DataType.FLOAT32, shape);
            } catch (RuntimeException e) {
                return Optional.of(model + " cannot be initialised for input shape " + shape + ": " + message(e));
            }
            try {
                ParameterGroupAssignment.resolve(trial.model(), classifier.parameterGroups(),
                        classifier.block().getParameters());
            } catch (RuntimeException e) {
                return Optional.of(model + ": " + message(e));
            }
        } catch (LinkageError e) {
            return Optional.of(model + " cannot be initialised: " + context.missingClass(trial.model(), e)
                    .getMessage());
        }
        return Optional.empty();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
