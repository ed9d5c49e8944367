package io.github.lrabench.runner;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.ParameterGroup;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;
import java.util.OptionalLong;

/** A test-only provider on the runner's test class path: embedding, mean pool, linear head. */
public class TestOnlyProvider implements SequenceClassifierProvider {

    @Override
    public String id() {
        return "test-mean-pool";
    }

    @Override
    public String family() {
        return "test";
    }

    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(50.0, "test task", "runner test fixture"));
    }

    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        int hidden = config.getInt("hidden");
        if (hidden < 1) {
            throw new IllegalArgumentException("lra.models." + id() + ".hidden must be >= 1 but was " + hidden);
        }
        if (config.getBoolean("fail-at-create")) {
            throw new IllegalStateException("asked to fail (lra.models." + id() + ".fail-at-create)");
        }
        String nan = config.getString("nan-logits");
        if (!java.util.List.of("never", "always", "training", "engine-error-in-training").contains(nan)) {
            throw new IllegalArgumentException("lra.models." + id() + ".nan-logits must be never, always or training"
                    + " but was " + nan);
        }
        long sleepMillis = config.getLong("forward-sleep-ms");
        long spinMillis = config.getLong("forward-spin-ms");
        boolean perPosition = config.getBoolean("per-position-logits");
        SequentialBlock block = new SequentialBlock()
                .add(InputEmbedding.builder().setTask(task).setEmbeddingSize(hidden).build());
        if (!perPosition) {
            block.add(list -> new NDList(list.head().mean(new int[] {1})));
        }
        block.add(Linear.builder().setUnits(task.numClasses()).build());
        if (sleepMillis > 0) {
            block.add(list -> {
                sleep(sleepMillis);
                return list;
            });
        }
        if (spinMillis > 0) {
            block.add(list -> {
                spin(spinMillis);
                return list;
            });
        }
        if (!"never".equals(nan)) {
            block.add(new NanLogits(!"always".equals(nan), "engine-error-in-training".equals(nan)));
        }
        long flops = 2L * task.sequenceLength() * task.channels() * hidden + 2L * hidden * task.numClasses();
        BasicSequenceClassifier classifier = new BasicSequenceClassifier(id(), task, block, OptionalLong.of(flops));
        if (!config.getBoolean("declare-group")) {
            return classifier;
        }
        ParameterGroup embedding = new ParameterGroup("embedding", ".*InputEmbedding.*",
                java.util.OptionalDouble.of(config.getDouble("group-learning-rate")),
                config.getBoolean("group-weight-decay"));
        return new Grouped(classifier, java.util.List.of(embedding));
    }

    /** A classifier that declares parameter groups. */
    record Grouped(SequenceClassifier classifier, java.util.List<ParameterGroup> parameterGroups)
            implements SequenceClassifier {
        @Override
        public String id() {
            return classifier.id();
        }

        @Override
        public TaskSpec task() {
            return classifier.task();
        }

        @Override
        public Block block() {
            return classifier.block();
        }

        @Override
        public OptionalLong forwardFlopsPerSample() {
            return classifier.forwardFlopsPerSample();
        }
    }

    /** A deliberately slow forward pass (budget tests). */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A deliberately expensive forward pass: busy until the calling thread has used this much CPU time, however
     * long that takes on a loaded machine (budget tests on the CPU clock).
     */
    private static void spin(long millis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000L;
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    /**
     * Turns the logits into NaN, always or only in training mode (so that only the loss diverges); or, in training
     * mode, asks the engine for an impossible reshape (an error thrown by the engine, not by the runner).
     */
    private static final class NanLogits extends ai.djl.nn.AbstractBlock {
        private final boolean onlyInTraining;
        private final boolean engineError;

        NanLogits(boolean onlyInTraining, boolean engineError) {
            this.onlyInTraining = onlyInTraining;
            this.engineError = engineError;
        }

        @Override
        protected NDList forwardInternal(ai.djl.training.ParameterStore parameterStore, NDList inputs,
                boolean training, ai.djl.util.PairList<String, Object> params) {
            if (onlyInTraining && !training) {
                return inputs;
            }
            return engineError ? new NDList(inputs.head().reshape(7, -1, 13))
                    : new NDList(inputs.head().mul(Float.NaN));
        }

        @Override
        public ai.djl.ndarray.types.Shape[] getOutputShapes(ai.djl.ndarray.types.Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
