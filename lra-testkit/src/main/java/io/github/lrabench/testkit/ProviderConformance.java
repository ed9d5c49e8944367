package io.github.lrabench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The conformance checks for one provider on one engine. Each check throws an {@link AssertionError} (AssertJ)
 * describing what failed.
 *
 * <p>The checks: output shape {@code (B, classes)}; finite outputs; a non-zero, finite gradient for every parameter
 * (a NaN or infinite gradient fails; see {@link #everyParameterGetsGradient} for the one retry); the
 * loss falls when overfitting one small batch; save then load gives identical logits; the same seed gives the
 * same logits; a wrong input rank or length gives {@link IllegalArgumentException} naming the expected shape
 * ({@link TaskSpec#describeInputShape()}); repeated training steps leave no arrays behind in the model's
 * long-lived {@code NDManager} (a batch's arrays must not land in the model's manager). Every failure message names
 * the provider, the engine and the task. The engine-free checks ({@link #servicesFileRegistersTheProvider}, {@link
 * #idMatchesThePattern}, {@link #configBlockExists}) check how the provider is packaged.
 */
public final class ProviderConformance {

    /** Batch size used by the checks. */
    public static final int BATCH = 4;

    private static final int SEED = 1234;
    private static final int OVERFIT_STEPS = 40;
    private static final int MEMORY_WARMUP_STEPS = 3;
    private static final int MEMORY_STEPS = 12;

    private final SequenceClassifierProvider provider;
    private final Function<TaskSpec, Config> configForTask;
    private final String engineName;

    /**
     * Creates the checks.
     *
     * @param provider the provider under test
     * @param configForTask the provider configuration to use for a task (small sizes keep the checks fast)
     * @param engineName the DJL engine, e.g. {@code PyTorch} or {@code MXNet}
     */
    public ProviderConformance(
            SequenceClassifierProvider provider, Function<TaskSpec, Config> configForTask, String engineName) {
        this.provider = provider;
        this.configForTask = configForTask;
        this.engineName = engineName;
    }

    /** Checks that the logits are {@code (B, classes)} and finite, in evaluation and in training mode. */
    public void outputShapeAndFinite(TaskSpec task) {
        try (Model model = newModel(task, SEED); NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = randomInput(manager, task, BATCH, 1);
            for (boolean training : new boolean[] {false, true}) {
                NDArray logits = forward(model, x, training);
                assertThat(logits.getShape())
                        .as("logits shape of %s on %s, %s (training=%s)", provider.id(), engineName, task.name(), training)
                        .isEqualTo(new Shape(BATCH, task.numClasses()));
                float[] values = logits.toFloatArray();
                for (float value : values) {
                    assertThat(Float.isFinite(value))
                            .as("logits of %s on %s, %s are finite (found %s)", provider.id(), engineName, task.name(), value)
                            .isTrue();
                }
            }
        }
    }

    /**
     * Checks that one backward pass gives every parameter a gradient that is finite and not all zero.
     *
     * <p>A NaN or infinite gradient fails. One exception is made, and reported: DJL 0.36 with PyTorch 2.7.1 returns
     * NaN input gradients from {@code conv1d} in about 1.5% of calls (an upstream bug, not the provider's), so when
     * the first batch gives non-finite gradients the check runs once more on a fresh batch; it passes only if that
     * batch's gradients are all finite and non-zero, and it prints a note naming the parameters of the first batch.
     * A provider whose gradients are NaN by construction fails on both batches.
     */
    public void everyParameterGetsGradient(TaskSpec task) {
        GradientProblems first = gradientProblems(task, 2);
        if (first.nonFinite().isEmpty()) {
            assertThat(first.zero())
                    .as("parameters of %s that received no gradient on %s, %s", provider.id(), engineName,
                            task.name())
                    .isEmpty();
            return;
        }
        GradientProblems retry = gradientProblems(task, 20);
        assertThat(retry.nonFinite())
                .as("parameters of %s with a NaN or infinite gradient on %s, %s (on two different batches; first"
                        + " batch: %s)", provider.id(), engineName, task.name(), first.nonFinite())
                .isEmpty();
        assertThat(retry.zero())
                .as("parameters of %s that received no gradient on %s, %s", provider.id(), engineName, task.name())
                .isEmpty();
        System.err.printf("lra-testkit: note: %s on %s, %s: non-finite gradients on the first batch (%s), finite on"
                + " a fresh batch; passed as the known DJL 0.36 + PyTorch 2.7.1 conv1d NaN-gradient trap%n",
                provider.id(), engineName, task.name(), first.nonFinite());
    }

    /** The parameters whose gradient was all zero, and those with a NaN or infinite element. */
    private record GradientProblems(List<String> zero, List<String> nonFinite) {}

    private GradientProblems gradientProblems(TaskSpec task, int seed) {
        try (Model model = newModel(task, SEED);
                Trainer trainer = newTrainer(model, task, 1e-3f);
                NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = randomInput(manager, task, BATCH, seed);
            NDArray y = randomLabels(manager, task, BATCH, seed + 1);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).head();
                collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
            }
            List<String> zero = new ArrayList<>();
            List<String> nonFinite = new ArrayList<>();
            for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
                if (!parameter.getValue().requiresGradient()) {
                    continue;
                }
                String name = parameter.getKey() + " " + parameter.getValue().getArray().getShape();
                float[] gradient = parameter.getValue().getArray().getGradient().toFloatArray();
                boolean finite = true;
                boolean allZero = true;
                for (float value : gradient) {
                    finite &= Float.isFinite(value);
                    allZero &= value == 0f;
                }
                if (!finite) {
                    nonFinite.add(name);
                } else if (allZero) {
                    zero.add(name);
                }
            }
            return new GradientProblems(zero, nonFinite);
        }
    }

    /** Checks that the provider's class loader lists it in {@code META-INF/services}, as the registry needs. */
    public void servicesFileRegistersTheProvider() {
        ClassLoader loader = provider.getClass().getClassLoader();
        List<String> registered = new ArrayList<>();
        java.util.ServiceLoader.load(SequenceClassifierProvider.class, loader).stream()
                .forEach(entry -> registered.add(entry.type().getName()));
        assertThat(registered)
                .as("providers registered in META-INF/services/%s on the class path of %s (add the line %s)",
                        SequenceClassifierProvider.class.getName(), provider.id(), provider.getClass().getName())
                .contains(provider.getClass().getName());
    }

    /** Checks that the id is lowercase {@code [a-z0-9-]+}, as the registry and {@code lra.models.<id>} need. */
    public void idMatchesThePattern() {
        assertThat(provider.id())
                .as("id of %s (stable, lowercase: letters, digits and '-')", provider.getClass().getName())
                .matches("[a-z0-9-]+");
    }

    /**
     * Checks that a {@code reference.conf} on the provider's class path holds its block {@code lra.models.<id>} (an
     * object: the provider's defaults, which the runner hands to {@link SequenceClassifierProvider#create}).
     */
    public void configBlockExists() {
        Config reference = com.typesafe.config.ConfigFactory.defaultReference(provider.getClass().getClassLoader());
        String block = "lra.models.\"" + provider.id() + "\"";
        assertThat(reference.hasPath(block))
                .as("block lra.models.%s in a reference.conf beside %s", provider.id(),
                        provider.getClass().getName())
                .isTrue();
        assertThat(reference.getValue(block).valueType())
                .as("lra.models.%s is an object", provider.id())
                .isEqualTo(com.typesafe.config.ConfigValueType.OBJECT);
    }

    /** Checks that the loss falls when one small batch is trained on repeatedly. */
    public void lossFallsWhenOverfitting(TaskSpec task) {
        try (Model model = newModel(task, SEED);
                Trainer trainer = newTrainer(model, task, 3e-3f);
                NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = randomInput(manager, task, 2 * BATCH, 4);
            NDArray y = randomLabels(manager, task, 2 * BATCH, 5);
            float first = trainStep(trainer, x, y);
            float last = first;
            for (int step = 1; step < OVERFIT_STEPS; step++) {
                last = trainStep(trainer, x, y);
            }
            assertThat(last)
                    .as("loss of %s on %s, %s after %d steps on one batch (first %.4f)", provider.id(), engineName,
                            task.name(), OVERFIT_STEPS, first)
                    .isLessThan(0.8f * first);
        }
    }

    /** Checks that saving then loading the parameters into a fresh block gives identical logits. */
    public void saveLoadRoundTrip(TaskSpec task) {
        Path dir = createTempDir();
        try (Model model = newModel(task, SEED); NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = randomInput(manager, task, BATCH, 6);
            float[] before = forward(model, x, false).toFloatArray();
            model.save(dir, "conformance");
            try (Model loaded = Model.newInstance("loaded", Device.cpu(), engineName)) {
                Engine.getEngine(engineName).setRandomSeed(SEED + 99);
                loaded.setBlock(create(task).block());
                loaded.load(dir, "conformance");
                NDArray xAgain = loaded.getNDManager().create(x.toByteBuffer(), x.getShape(), x.getDataType());
                float[] after = forward(loaded, xAgain, false).toFloatArray();
                assertThat(after).as("logits of %s on %s, %s after save and load", provider.id(), engineName, task.name()).containsExactly(before);
            }
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new AssertionError("save/load of " + provider.id() + " on " + engineName + ", " + task.name()
                    + " failed: " + e, e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Checks that two models built and initialised with the same seed give the same logits. */
    public void sameSeedSameLogits(TaskSpec task) {
        float[] first = logitsForSeed(task, SEED);
        float[] second = logitsForSeed(task, SEED);
        float[] other = logitsForSeed(task, SEED + 1);
        assertThat(second).as("logits of %s on %s, %s for the same seed", provider.id(), engineName, task.name()).containsExactly(first);
        assertThat(other).as("logits of %s on %s, %s for another seed", provider.id(), engineName, task.name()).isNotEqualTo(first);
    }

    /** Checks that inputs of the wrong rank or length are refused with a message naming the expected shape. */
    public void wrongInputShapeIsRefused(TaskSpec task) {
        try (Model model = newModel(task, SEED); NDManager manager = model.getNDManager().newSubManager()) {
            NDArray good = randomInput(manager, task, BATCH, 7);
            NDArray wrongRank = good.reshape(new Shape(BATCH, -1)).expandDims(0).expandDims(0);
            TaskSpec longer = new TaskSpec(task.name(), task.sequenceLength() + 1, task.channels(),
                    task.vocabularySize(), task.numClasses());
            NDArray wrongLength = randomInput(manager, longer, BATCH, 8);
            for (NDArray bad : new NDArray[] {wrongRank, wrongLength}) {
                assertThatThrownBy(() -> forward(model, bad, false))
                        .as("%s on %s given input of shape %s", provider.id(), engineName, bad.getShape())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(task.describeInputShape());
            }
        }
    }

    /**
     * Checks that training steps do not leave arrays in the model's long-lived manager: its array count after
     * more steps must equal the count after a few warm-up steps.
     */
    public void trainingDoesNotGrowModelMemory(TaskSpec task) {
        try (Model model = newModel(task, SEED); Trainer trainer = newTrainer(model, task, 1e-3f)) {
            for (int step = 0; step < MEMORY_WARMUP_STEPS; step++) {
                freshBatchStep(trainer, task, step);
            }
            int before = model.getNDManager().getManagedArrays().size();
            for (int step = 0; step < MEMORY_STEPS; step++) {
                freshBatchStep(trainer, task, 100 + step);
            }
            int after = model.getNDManager().getManagedArrays().size();
            assertThat(after)
                    .as("arrays held by the model's NDManager of %s on %s, %s after %d more training steps (an op's"
                            + " result belongs to its first operand's manager: put the batch's array first)",
                            provider.id(), engineName, task.name(), MEMORY_STEPS)
                    .isLessThanOrEqualTo(before);
        }
    }

    private void freshBatchStep(Trainer trainer, TaskSpec task, int seed) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            trainStep(trainer, randomInput(batch, task, BATCH, seed), randomLabels(batch, task, BATCH, seed + 1));
        }
    }

    private float[] logitsForSeed(TaskSpec task, int seed) {
        try (Model model = newModel(task, seed); NDManager manager = model.getNDManager().newSubManager()) {
            return forward(model, randomInput(manager, task, BATCH, 9), false).toFloatArray();
        }
    }

    private SequenceClassifier create(TaskSpec task) {
        return provider.create(task, configForTask.apply(task));
    }

    private Model newModel(TaskSpec task, int seed) {
        Engine.getEngine(engineName).setRandomSeed(seed);
        SequenceClassifier classifier = create(task);
        assertThat(classifier.task()).as("task of the classifier %s built on %s", provider.id(), engineName).isEqualTo(task);
        Block block = classifier.block();
        Model model = Model.newInstance(provider.id(), Device.cpu(), engineName);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, task.inputShape(BATCH));
        return model;
    }

    private Trainer newTrainer(Model model, TaskSpec task, float learningRate) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(learningRate)).build());
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(task.inputShape(BATCH));
        return trainer;
    }

    private static float trainStep(Trainer trainer, NDArray x, NDArray y) {
        float loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(x)).head();
            NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
            loss = value.getFloat();
            collector.backward(value);
        }
        trainer.step();
        return loss;
    }

    private static NDArray forward(Model model, NDArray x, boolean training) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        return model.getBlock().forward(store, new NDList(x), training).head();
    }

    /**
     * Returns a seeded random input for a task: int32 tokens {@code (B, L)} or float32 {@code (B, L, C)}.
     *
     * @param manager where the array lives
     * @param task the task
     * @param batch B
     * @param seed the seed
     * @return the input
     */
    public static NDArray randomInput(NDManager manager, TaskSpec task, int batch, int seed) {
        java.util.Random random = new java.util.Random(seed);
        int length = task.sequenceLength();
        if (task.isTokenInput()) {
            int[] tokens = new int[batch * length];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(task.vocabularySize());
            }
            return manager.create(tokens, task.inputShape(batch));
        }
        float[] values = new float[batch * length * task.channels()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, task.inputShape(batch));
    }

    private static NDArray randomLabels(NDManager manager, TaskSpec task, int batch, int seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(task.numClasses());
        }
        return manager.create(labels);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("lra-conformance");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind loses nothing
        }
    }
}
