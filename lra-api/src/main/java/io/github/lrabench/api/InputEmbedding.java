package io.github.lrabench.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Turns the raw input of a {@link TaskSpec} into {@code (B, L', d)} embeddings, the same way for every model.
 *
 * <p>Tokens {@code (B, L)} are looked up in an embedding table (initialised N(0, 1) unless {@linkplain
 * Builder#optTokenInitStd(float) told otherwise}, as LRA does); continuous features {@code (B, L, C)} go through a
 * linear projection. An optional learned CLS vector is prepended (then {@code L' = L + 1}; initialised N(0, 0.02²)
 * by default), and learned position embeddings (initialised N(0, 0.02²) by default, no 2-D prior) are added unless
 * the builder turns them off ({@link Builder#optPositionEmbeddings}, for position-blind reference models). A
 * standard deviation of 0 initialises with zeros (LRA's CLS vector).
 *
 * <p>Every op takes the batch's array as its first operand, so results live in the batch's {@code NDManager} and
 * never in the model's long-lived one (an op's result belongs to its first operand's manager; the kit's memory check,
 * {@code ProviderConformance.trainingDoesNotGrowModelMemory}, catches the trap).
 */
public final class InputEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final int embeddingSize;
    private final boolean clsToken;
    private final boolean positionEmbeddings;
    private final Parameter tokenTable;
    private final Parameter projectionWeight;
    private final Parameter projectionBias;
    private final Parameter cls;
    private final Parameter positions;

    private InputEmbedding(Builder builder) {
        super(VERSION);
        this.task = builder.task;
        this.embeddingSize = builder.embeddingSize;
        this.clsToken = builder.clsToken;
        this.positionEmbeddings = builder.positionEmbeddings;
        if (task.isTokenInput()) {
            tokenTable = addParameter(Parameter.builder()
                    .setName("tokenTable")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(task.vocabularySize(), embeddingSize))
                    .optInitializer(normal(builder.tokenInitStd))
                    .build());
            projectionWeight = null;
            projectionBias = null;
        } else {
            tokenTable = null;
            projectionWeight = addParameter(Parameter.builder()
                    .setName("projectionWeight")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(embeddingSize, task.channels()))
                    .build());
            projectionBias = addParameter(Parameter.builder()
                    .setName("projectionBias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(embeddingSize))
                    .build());
        }
        cls = clsToken
                ? addParameter(Parameter.builder()
                        .setName("cls")
                        .setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(1, 1, embeddingSize))
                        .optInitializer(normal(builder.clsInitStd))
                        .build())
                : null;
        positions = positionEmbeddings
                ? addParameter(Parameter.builder()
                        .setName("positions")
                        .setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(outputLength(), embeddingSize))
                        .optInitializer(normal(builder.positionInitStd))
                        .build())
                : null;
    }

    private static Initializer normal(float std) {
        return std == 0f ? Initializer.ZEROS : new NormalInitializer(std);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns L', the output sequence length: L, plus one with a CLS token. */
    public int outputLength() {
        return task.sequenceLength() + (clsToken ? 1 : 0);
    }

    /** Returns d, the embedding size. */
    public int embeddingSize() {
        return embeddingSize;
    }

    /** Returns whether a CLS vector is prepended at position 0. */
    public boolean hasClsToken() {
        return clsToken;
    }

    /** Returns whether learned position embeddings are added. */
    public boolean hasPositionEmbeddings() {
        return positionEmbeddings;
    }

    /**
     * Checks an input shape against the task.
     *
     * @param task the task
     * @param shape the input shape
     * @throws IllegalArgumentException naming the expected shape when it does not match
     */
    public static void checkInputShape(TaskSpec task, Shape shape) {
        boolean ok = task.isTokenInput()
                ? shape.dimension() == 2 && shape.get(1) == task.sequenceLength()
                : shape.dimension() == 3
                        && shape.get(1) == task.sequenceLength()
                        && shape.get(2) == task.channels();
        if (!ok) {
            throw new IllegalArgumentException("task " + task.name() + " expects input of shape "
                    + task.describeInputShape() + " but got " + shape);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        checkInputShape(task, x.getShape());
        NDArray h;
        if (task.isTokenInput()) {
            NDArray table = store.getValue(tokenTable, x.getDevice(), training);
            NDArray tokens = x.getDataType() == DataType.INT64 ? x : x.toType(DataType.INT64, false);
            h = tokens.getNDArrayInternal().embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        } else {
            NDArray weight = store.getValue(projectionWeight, x.getDevice(), training);
            NDArray bias = store.getValue(projectionBias, x.getDevice(), training);
            h = Linear.linear(x, weight, bias).singletonOrThrow();
        }
        if (clsToken) {
            NDArray clsValue = store.getValue(cls, x.getDevice(), training);
            NDArray clsBatch = h.getManager()
                    .zeros(new Shape(h.getShape().get(0), 1, embeddingSize), h.getDataType(), h.getDevice())
                    .add(clsValue);
            h = clsBatch.concat(h, 1);
        }
        return positionEmbeddings
                ? new NDList(h.add(store.getValue(positions, x.getDevice(), training)))
                : new NDList(h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputLength(), embeddingSize)};
    }

    /** Builds an {@link InputEmbedding}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private TaskSpec task;
        private int embeddingSize;
        private boolean clsToken;
        private boolean positionEmbeddings = true;
        private float tokenInitStd = 1f;
        private float positionInitStd = 0.02f;
        private float clsInitStd = 0.02f;

        private Builder() {}

        /**
         * Sets the standard deviation of the token table's normal initialisation (default 1, LRA's; 0 gives
         * zeros). Ignored for continuous inputs.
         *
         * @param std the standard deviation, {@code >= 0}
         * @return this builder
         */
        public Builder optTokenInitStd(float std) {
            this.tokenInitStd = std;
            return this;
        }

        /**
         * Sets the standard deviation of the position embeddings' normal initialisation (default 0.02; 0 gives
         * zeros).
         *
         * @param std the standard deviation, {@code >= 0}
         * @return this builder
         */
        public Builder optPositionInitStd(float std) {
            this.positionInitStd = std;
            return this;
        }

        /**
         * Sets the standard deviation of the CLS vector's normal initialisation (default 0.02; 0 gives zeros, as
         * LRA and ViT do).
         *
         * @param std the standard deviation, {@code >= 0}
         * @return this builder
         */
        public Builder optClsInitStd(float std) {
            this.clsInitStd = std;
            return this;
        }

        /**
         * Sets the task whose inputs are embedded (required).
         *
         * @param task the task
         * @return this builder
         */
        public Builder setTask(TaskSpec task) {
            this.task = task;
            return this;
        }

        /**
         * Sets d, the embedding size (required, positive).
         *
         * @param embeddingSize d
         * @return this builder
         */
        public Builder setEmbeddingSize(int embeddingSize) {
            this.embeddingSize = embeddingSize;
            return this;
        }

        /**
         * Prepends a learned CLS vector (default: no).
         *
         * @param clsToken whether to prepend it
         * @return this builder
         */
        public Builder optClsToken(boolean clsToken) {
            this.clsToken = clsToken;
            return this;
        }

        /**
         * Adds learned position embeddings (default: yes). Without them the embedding of a step depends on its
         * value alone, which is what a position-blind reference model needs.
         *
         * @param positionEmbeddings whether to add them
         * @return this builder
         */
        public Builder optPositionEmbeddings(boolean positionEmbeddings) {
            this.positionEmbeddings = positionEmbeddings;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the block
         * @throws IllegalArgumentException when the task is missing, the size not positive or a standard deviation
         *     negative
         */
        public InputEmbedding build() {
            String stds = "";
            if (!(tokenInitStd >= 0)) {
                stds += " token init std must be >= 0 but was " + tokenInitStd + ";";
            }
            if (!(positionInitStd >= 0)) {
                stds += " position init std must be >= 0 but was " + positionInitStd + ";";
            }
            if (!(clsInitStd >= 0)) {
                stds += " CLS init std must be >= 0 but was " + clsInitStd + ";";
            }
            if (!stds.isEmpty()) {
                throw new IllegalArgumentException("InputEmbedding:" + stds.substring(0, stds.length() - 1));
            }
            if (task == null) {
                throw new IllegalArgumentException("InputEmbedding needs a task (setTask)");
            }
            if (embeddingSize < 1) {
                throw new IllegalArgumentException("embedding size must be >= 1 but was " + embeddingSize);
            }
            return new InputEmbedding(this);
        }
    }
}
