package io.github.lrabench.runner.perf;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.runner.ParameterCounts;
import java.util.List;
import java.util.Optional;

/**
 * Times training steps and inference passes of one classifier on one engine, on a synthetic batch.
 *
 * <p>A training step is what {@code lra bench} does per batch: forward, softmax cross-entropy, backward, Adam
 * update. Each timed region starts and ends with the engine's queue drained ({@link EngineHooks#synchronize}), and
 * copying the inputs into the step's manager is outside it. The classifier's model lives in its own {@link Model}
 * of the named engine, so that several engines can be measured in one process.
 */
final class StepBench implements AutoCloseable {

    /** How many of a profiled step's slowest op kinds the report keeps. */
    private static final int HOTTEST_OPS = 8;

    private final String engine;
    private final Device device;
    private final SyntheticBatch batch;
    private final Model model;
    private final Trainer trainer;
    private final long parameters;

    /**
     * Builds and initialises the model.
     *
     * @param classifier the classifier (not yet initialised)
     * @param engine the engine name
     * @param device the device the model and its batches are placed on ({@code lra.device})
     * @param batchSize B
     * @param seed seed of the synthetic batch
     */
    StepBench(SequenceClassifier classifier, String engine, Device device, int batchSize, long seed) {
        this.engine = engine;
        this.device = device;
        TaskSpec task = classifier.task();
        this.batch = new SyntheticBatch(task, batchSize, seed);
        this.model = Model.newInstance("perf-" + classifier.id(), device, engine);
        try {
            model.setBlock(classifier.block());
            classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, task.inputShape(batchSize));
            parameters = ParameterCounts.trainable(classifier.block());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(1e-4f)).build());
            trainer = model.newTrainer(config);
            trainer.initialize(task.inputShape(batchSize));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns the trainable parameter count. */
    long parameters() {
        return parameters;
    }

    /**
     * Runs warm-up steps, then timed training steps.
     *
     * @param warmup untimed steps
     * @param repeats timed steps
     * @return seconds per step, one per timed step
     */
    double[] trainSeconds(int warmup, int repeats) {
        return TimedRuns.seconds(warmup, repeats, this::trainStep);
    }

    /**
     * Runs warm-up passes, then timed forward passes in inference mode.
     *
     * @param warmup untimed passes
     * @param repeats timed passes
     * @return seconds per pass, one per timed pass
     */
    double[] inferenceSeconds(int warmup, int repeats) {
        return TimedRuns.seconds(warmup, repeats, () -> {
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray x = batch.inputs(step);
                return TimedRuns.synchronizedSeconds(engine, device, () -> trainer.evaluate(new NDList(x)).head().close());
            }
        });
    }

    /**
     * Runs one more training step and counts its ops: with the engine's profiler where DJL exposes one, and the
     * arrays the forward pass leaves behind on every engine.
     *
     * @param counter the engine's op counter, or empty
     * @param unexposed what to report when there is no counter
     * @return the counts
     */
    OpCounts countOps(Optional<OpCounter> counter, String unexposed) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray x = batch.inputs(step);
            NDArray y = batch.labels(step);
            int before = step.getManagedArrays().size();
            NDArray[] loss = new NDArray[1];
            Optional<OpTally> forwardOps;
            Optional<OpTally> backwardOps;
            int arrays;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                Runnable forward = () -> loss[0] = trainer.getLoss()
                        .evaluate(new NDList(y), new NDList(trainer.forward(new NDList(x)).head()));
                forwardOps = tallied(counter, forward);
                EngineHooks.synchronize(engine, device);
                arrays = step.getManagedArrays().size() - before;
                backwardOps = tallied(counter, () -> collector.backward(loss[0]));
            }
            Optional<OpTally> updateOps = tallied(counter, trainer::step);
            EngineHooks.synchronize(engine, device);
            OpCounts counts = OpCounts.of(count(forwardOps), count(backwardOps), count(updateOps), arrays,
                    counter.map(OpCounter::method).orElse(unexposed));
            if (forwardOps.isEmpty() || backwardOps.isEmpty() || updateOps.isEmpty()) {
                return counts;
            }
            return counts.withTimes(OpTally.sum(List.of(forwardOps.get(), backwardOps.get(), updateOps.get())),
                    HOTTEST_OPS);
        }
    }

    private static Optional<OpTally> tallied(Optional<OpCounter> counter, Runnable work) {
        if (counter.isPresent()) {
            return Optional.of(counter.get().tally(work));
        }
        work.run();
        return Optional.empty();
    }

    private static Long count(Optional<OpTally> tally) {
        return tally.map(OpTally::count).orElse(null);
    }

    private double trainStep() {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray x = batch.inputs(step);
            NDArray y = batch.labels(step);
            return TimedRuns.synchronizedSeconds(engine, device, () -> {
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).head();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    collector.backward(loss);
                }
                trainer.step();
            });
        }
    }

    /** Closes the trainer and the model with its parameters. */
    @Override
    public void close() {
        try {
            trainer.close();
        } finally {
            model.close();
        }
    }
}
