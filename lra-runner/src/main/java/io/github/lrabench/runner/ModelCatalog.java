package io.github.lrabench.runner;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.RegisteredProvider;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Describes every registered provider for one task and variant: what {@code lra models} prints. */
public final class ModelCatalog {

    private final RunnerContext context;

    /**
     * Creates the catalog.
     *
     * @param context the runner context
     */
    public ModelCatalog(RunnerContext context) {
        this.context = context;
    }

    /**
     * Describes every provider.
     *
     * @param task the task to build each model for
     * @param profile the profile whose variant each model is built in ({@link RunnerContext#variant(String,
     *     String)}); a model whose variant differs from the profile's says so in its note
     * @return one summary per provider, sorted by id
     * @throws IllegalArgumentException when the engine cannot be loaded or {@code lra.device} names a GPU it does
     *     not see
     */
    public List<ModelSummary> describe(TaskSpec task, String profile) {
        Device device = context.device();
        List<ModelSummary> rows = new ArrayList<>();
        for (RegisteredProvider entry : context.registry().providers()) {
            String id = entry.provider().id();
            Set<String> missing = EngineFeatures.missing(entry.provider(), context.engine());
            OptionalLong parameters = OptionalLong.empty();
            OptionalLong flops = OptionalLong.empty();
            String note = missing.isEmpty() ? "" : context.engine() + " lacks " + String.join(", ", missing);
            String variant = context.variant(profile, id);
            if (!variant.equals(context.variant(profile))) {
                note = note.isEmpty() ? "variant " + variant : "variant " + variant + "; " + note;
            }
            try {
                SequenceClassifier classifier = context.create(id, task, variant);
                parameters = OptionalLong.of(countParameters(classifier, context.engine(), device));
                flops = classifier.forwardFlopsPerSample();
            } catch (RuntimeException e) {
                note = note.isEmpty() ? "cannot be built: " + e.getMessage() : note + "; " + e.getMessage();
            } catch (LinkageError e) {
                String message = context.missingClass(id, e).getMessage();
                note = note.isEmpty() ? "cannot be built: " + message : note + "; " + message;
            }
            rows.add(new ModelSummary(id, entry.provider().family(), entry.origin(), parameters, flops,
                    entry.provider().paperResult(), missing.isEmpty() && parameters.isPresent(), note));
        }
        return rows;
    }

    /**
     * Counts the parameters of a classifier by initialising its block on an engine.
     *
     * @param classifier the classifier
     * @param engine the DJL engine name
     * @param device the device the block is initialised on ({@code lra.device})
     * @return the number of trainable scalar parameters (constant buffers are not counted)
     */
    public static long countParameters(SequenceClassifier classifier, String engine, Device device) {
        try (Model model = Model.newInstance("count", device, engine)) {
            model.setBlock(classifier.block());
            classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, classifier.task().inputShape(1));
            return ParameterCounts.trainable(classifier.block());
        }
    }
}
