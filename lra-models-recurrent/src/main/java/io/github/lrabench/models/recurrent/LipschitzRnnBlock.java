package io.github.lrabench.models.recurrent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;

/**
 * A LipschitzRNN sequence classifier (Erichson et al., ICLR 2021): {@link InputEmbedding} → input map {@code u_t
 * = U x_t + b}, computed for all steps at once → the continuous-time recurrence {@code dh/dt = A_β h + tanh(W_β h
 * + u_t)} from {@code h₀ = 0}, one step ε per element ({@link LipschitzRecurrence}) → linear classifier on
 * {@code h_L}.
 *
 * <p>A_β and W_β are built once per forward from the free matrices {@code matrixA} and {@code matrixW} ({@link
 * LipschitzMatrices}), which start as N(0, (init-std / N)²), the paper's small initialisation. The input layout is
 * the standard one pixel per step unless {@code input-layout = channel-major} (see {@link InputLayout}).
 *
 * <p>The paper feeds the raw pixel to {@code U}; here the task's input first goes through the shared {@link
 * InputEmbedding} (tokens → table, floats → linear projection, plus learned positions) so that one block serves
 * token and float tasks; for floats this adds a linear map and a per-step bias in front of {@code U}.
 */
public final class LipschitzRnnBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final LipschitzRnnConfig config;
    private final InputEmbedding embedding;
    private final Linear inputMap;
    private final Linear classifier;
    private final Parameter matrixA;
    private final Parameter matrixW;

    /**
     * Creates the block.
     *
     * @param task the task
     * @param config the validated configuration
     */
    public LipschitzRnnBlock(TaskSpec task, LipschitzRnnConfig config) {
        super(VERSION);
        this.task = task;
        this.config = config;
        embedding = addChildBlock("embedding",
                InputEmbedding.builder().setTask(task).setEmbeddingSize(config.embeddingSize()).build());
        inputMap = addChildBlock("inputMap", Linear.builder().setUnits(config.hiddenSize()).build());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(task.numClasses()).build());
        matrixA = addParameter(freeMatrix("matrixA"));
        matrixW = addParameter(freeMatrix("matrixW"));
    }

    private Parameter freeMatrix(String name) {
        int n = config.hiddenSize();
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(n, n))
                .optInitializer(new NormalInitializer(config.initStd() / n))
                .build();
    }

    /**
     * Returns the sequence in the configured layout: unchanged for {@code pixel}; for {@code channel-major}, the
     * channel-major buffer {@code (B, C, L)} read as {@code (B, L, C)}.
     *
     * @param x the input, already checked against the task
     * @return the sequence fed to the embedding
     */
    NDArray arrange(NDArray x) {
        if (config.inputLayout() == InputLayout.PIXEL || task.isTokenInput() || task.channels() == 1) {
            return x;
        }
        return x.transpose(0, 2, 1).reshape(x.getShape());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        InputEmbedding.checkInputShape(task, x.getShape());
        NDArray embedded = embedding.forward(store, new NDList(arrange(x)), training).singletonOrThrow();
        NDArray projected = inputMap.forward(store, new NDList(embedded), training).singletonOrThrow();
        NDArray a = LipschitzMatrices.build(projected, store.getValue(matrixA, x.getDevice(), training),
                config.beta(), config.gamma());
        NDArray w = LipschitzMatrices.build(projected, store.getValue(matrixW, x.getDevice(), training),
                config.beta(), config.gamma());
        NDArray initial = projected.getManager().zeros(new Shape(x.getShape().get(0), config.hiddenSize()),
                projected.getDataType(), projected.getDevice());
        NDArray last = new LipschitzRecurrence(config.solver(), config.stepSize()).run(projected, initial, a, w);
        return classifier.forward(store, new NDList(last), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape embedded = embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        inputMap.initialize(manager, dataType, embedded);
        classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.hiddenSize()));
    }
}
