package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;

/**
 * One linear map from the whole sequence to the classes, {@code logits = W · vec(x) + b}.
 *
 * <p>Continuous inputs {@code (B, L, C)} are flattened to {@code L·C} features. Token inputs {@code (B, L)} are read
 * as their one-hot encoding {@code (L, V)}; its linear map is computed without building it, as a per-position
 * table {@code W[t, v, :]} of {@code L·V} rows of {@code K} weights: row {@code t·V + x_t} is looked up for every
 * position and the rows are summed. The token table starts at N(0, 1/L) so that the initial logits have unit
 * scale whatever the length.
 */
final class LinearBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates the block.
     *
     * @param task the task it classifies
     */
    LinearBlock(TaskSpec task) {
        super(VERSION);
        this.task = task;
        long classes = task.numClasses();
        Parameter.Builder weightBuilder = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT);
        if (task.isTokenInput()) {
            weightBuilder.optShape(new Shape((long) task.sequenceLength() * task.vocabularySize(), classes))
                    .optInitializer(new NormalInitializer((float) (1 / Math.sqrt(task.sequenceLength()))));
        } else {
            weightBuilder.optShape(new Shape(classes, (long) task.sequenceLength() * task.channels()));
        }
        weight = addParameter(weightBuilder.build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(classes))
                .build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        InputEmbedding.checkInputShape(task, x.getShape());
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        long batch = x.getShape().get(0);
        if (!task.isTokenInput()) {
            return Linear.linear(x.reshape(batch, -1), w, b);
        }
        int length = task.sequenceLength();
        int vocabulary = task.vocabularySize();
        NDArray tokens = x.getDataType() == DataType.INT64 ? x : x.toType(DataType.INT64, false);
        // row t·V + x_t of the table holds the weights of position t's one-hot entry x_t
        NDArray offsets = tokens.getManager().arange(0, length * vocabulary, vocabulary, DataType.INT64);
        NDArray rows = tokens.add(offsets);
        NDArray picked = rows.getNDArrayInternal().embedding(rows, w, SparseFormat.DENSE).singletonOrThrow();
        return new NDList(picked.sum(new int[] {1}).add(b));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }

    /**
     * Returns the forward FLOPs of one sequence as computed here: {@code 2·L·C·K} for continuous inputs (a
     * multiply-add counts 2); for tokens one addition per position and class ({@code L·K}; the one-hot product
     * it equals would be {@code 2·L·V·K}), plus the bias.
     *
     * @param task the task
     * @return the FLOPs
     */
    static long forwardFlops(TaskSpec task) {
        long length = task.sequenceLength();
        long classes = task.numClasses();
        long map = task.isTokenInput() ? length * classes : 2L * length * task.channels() * classes;
        return map + classes;
    }
}
