package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pools the encoded sequence and classifies it: {@code Linear(pool(x))}, or with a hidden layer {@code
 * Linear(ReLU(Linear(pool(x))))} as LRA's {@code classifier_head} and the Nyströmformer code do.
 *
 * <p>Input {@code NDList(x)} or {@code NDList(x, mask)}, x {@code (B, L, d)}; output logits {@code (B,
 * classes)}.
 */
public final class ClassifierHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Pooling pooling;
    private final int numClasses;
    private final Linear hidden;
    private final Linear output;

    /**
     * Creates the head.
     *
     * @param pooling how the sequence becomes one vector
     * @param hiddenSize the hidden layer's width, or 0 for none
     * @param numClasses the number of classes
     */
    public ClassifierHead(Pooling pooling, int hiddenSize, int numClasses) {
        this(pooling, hiddenSize, numClasses, LinearInit.DJL_DEFAULT, 0);
    }

    /**
     * Creates the head with an init for its linear layers.
     *
     * @param pooling how the sequence becomes one vector
     * @param hiddenSize the hidden layer's width, or 0 for none
     * @param numClasses the number of classes
     * @param init how the linear layers start
     * @param inputSize d, the pooled vector's width (the first layer's fan-in)
     */
    public ClassifierHead(Pooling pooling, int hiddenSize, int numClasses, LinearInit init, int inputSize) {
        super(VERSION);
        this.pooling = pooling;
        this.numClasses = numClasses;
        hidden = hiddenSize > 0
                ? addChildBlock("hidden", init.apply(Linear.builder().setUnits(hiddenSize).build(), inputSize))
                : null;
        output = addChildBlock("output", init.apply(Linear.builder().setUnits(numClasses).build(),
                hiddenSize > 0 ? hiddenSize : inputSize));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pooled = pooling.pool(inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null);
        if (hidden != null) {
            pooled = Activation.relu(hidden.forward(store, new NDList(pooled), training).head());
        }
        return output.forward(store, new NDList(pooled), training);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(2));
        if (hidden != null) {
            hidden.initialize(manager, dataType, pooled);
            pooled = hidden.getOutputShapes(new Shape[] {pooled})[0];
        }
        output.initialize(manager, dataType, pooled);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }
}
