package io.github.lrabench.models.recurrent;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;

/**
 * A TrellisNet sequence classifier: {@link InputEmbedding} → input dropout → {@link TrellisStack} → pooling of
 * the last {@code output-size} state channels (the last step, as in the paper, or the mean over time) → dropout →
 * linear classifier.
 *
 * <p>Input: the paper injects the raw pixel (3 channels) at every level. Here the task's input first goes through
 * the shared {@link InputEmbedding} (tokens → table, floats → linear projection, plus learned positions), and its
 * {@code (B, L, embedding-size)} output is the sequence injected at every level. For continuous inputs this adds a
 * linear map and a per-step bias in front of the paper's input convolution; it lets one block serve token and
 * float tasks alike.
 *
 * <p>Differences from the reference code, on purpose: every dropout is active in training only (the reference
 * leaves input and output dropout on at test time), and the output dropout acts on the pooled features before
 * the classifier instead of on the logits.
 */
public final class TrellisNetBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final TrellisNetConfig config;
    private final InputEmbedding embedding;
    private final TrellisStack levels;
    private final Linear classifier;
    private final CausalCone cone;

    /**
     * Creates the block.
     *
     * @param task the task
     * @param config the validated configuration
     */
    public TrellisNetBlock(TaskSpec task, TrellisNetConfig config) {
        super(VERSION);
        this.task = task;
        this.config = config;
        embedding = addChildBlock("embedding",
                InputEmbedding.builder().setTask(task).setEmbeddingSize(config.embeddingSize()).build());
        levels = addChildBlock("levels", new TrellisStack(config));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(task.numClasses()).build());
        cone = config.usesCausalCone() ? CausalCone.ofLastStep(config, task.sequenceLength()) : null;
    }

    /** Returns whether the levels compute only the causal cone of the last step. */
    public boolean usesCausalCone() {
        return cone != null;
    }

    /** Returns the weight-tied levels. */
    public TrellisStack levels() {
        return levels;
    }

    /**
     * Returns the last level's hidden state at every step, {@code (B, L, H)}; the state at step {@code t} depends
     * only on inputs at steps {@code <= t}.
     *
     * @param store the parameter store
     * @param x the input, {@code (B, L)} tokens or {@code (B, L, C)} floats
     * @param training whether the forward pass trains (dropout on)
     * @return the hidden states
     * @throws IllegalArgumentException naming the expected shape when {@code x} does not fit the task
     */
    public NDArray hiddenSequence(ParameterStore store, NDArray x, boolean training) {
        return levels.forward(store, new NDList(injected(store, x, training)), training).singletonOrThrow();
    }

    /** Returns the sequence injected at every level: the embedded input after input dropout. */
    private NDArray injected(ParameterStore store, NDArray x, boolean training) {
        InputEmbedding.checkInputShape(task, x.getShape());
        NDArray injected = embedding.forward(store, new NDList(x), training).singletonOrThrow();
        return BatchOps.dropout(injected, config.inputDropout(), training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        long firstOutput = config.stateSize() - config.outputSize();
        NDArray features;
        if (cone != null) {
            NDArray injected = injected(store, inputs.singletonOrThrow(), training);
            features = levels.lastStep(store, injected, cone, training).get(new NDIndex(":, {}:", firstOutput));
            features = BatchOps.dropout(features, config.dropout(), training);
            return classifier.forward(store, new NDList(features), training);
        }
        NDArray states = hiddenSequence(store, inputs.singletonOrThrow(), training);
        long length = states.getShape().get(1);
        features = config.pooling() == Pooling.LAST
                ? states.get(new NDIndex(":, {}, {}:", length - 1, firstOutput))
                : states.get(new NDIndex(":, :, {}:", firstOutput)).mean(new int[] {1});
        features = BatchOps.dropout(features, config.dropout(), training);
        return classifier.forward(store, new NDList(features), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape embedded = embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        levels.initialize(manager, dataType, embedded);
        classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.outputSize()));
    }
}
