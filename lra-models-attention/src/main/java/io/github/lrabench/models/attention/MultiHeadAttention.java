package io.github.lrabench.models.attention;

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

/**
 * Multi-head self-attention with a pluggable {@link AttentionKernel}: project {@code x (B, L, d)} to queries,
 * keys and values of width {@code H·dh}, split them into heads {@code (B, H, L, dh)}, let the kernel mix the
 * tokens, merge the heads and project back to d.
 *
 * <p>Input {@code NDList(x)} or {@code NDList(x, mask)} with a key mask {@code (B, L)} of 1 and 0; output {@code
 * (B, L, d)}. The heads are handled by batched {@code matMul} over the leading axes ({@code batchDot} does not
 * exist on PyTorch).
 *
 * <p>Built {@linkplain #MultiHeadAttention(int, int, int, boolean, AttentionKernel, boolean) first-row only}, it
 * returns {@code (B, 1, d)}: the first row (the CLS position) of the full output. Keys and values are projected for
 * every position; the query is projected for the first row alone when the kernel {@linkplain
 * AttentionKernel#acceptsQuerySubset() accepts a subset of the queries} (softmax: {@code O(L)} instead of {@code
 * O(L²)} scores), otherwise the kernel runs on every row and its first row is kept; the output projection then
 * runs on that one row.
 */
public final class MultiHeadAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int embeddingSize;
    private final int numHeads;
    private final int headSize;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final AttentionKernel kernel;
    private final Linear output;
    private final boolean firstRowOnly;

    /**
     * Creates the block, which computes every output row.
     *
     * @param embeddingSize d
     * @param numHeads H
     * @param headSize dh
     * @param bias whether the four projections have biases
     * @param kernel the token-mixing kernel
     */
    public MultiHeadAttention(int embeddingSize, int numHeads, int headSize, boolean bias, AttentionKernel kernel) {
        this(embeddingSize, numHeads, headSize, bias, kernel, false);
    }

    /**
     * Creates the block.
     *
     * @param embeddingSize d
     * @param numHeads H
     * @param headSize dh
     * @param bias whether the four projections have biases
     * @param kernel the token-mixing kernel
     * @param firstRowOnly whether only the first output row is computed, {@code (B, 1, d)}
     */
    public MultiHeadAttention(
            int embeddingSize, int numHeads, int headSize, boolean bias, AttentionKernel kernel,
            boolean firstRowOnly) {
        super(VERSION);
        this.firstRowOnly = firstRowOnly;
        this.embeddingSize = embeddingSize;
        this.numHeads = numHeads;
        this.headSize = headSize;
        query = addChildBlock("query", Linear.builder().setUnits((long) numHeads * headSize).optBias(bias).build());
        key = addChildBlock("key", Linear.builder().setUnits((long) numHeads * headSize).optBias(bias).build());
        value = addChildBlock("value", Linear.builder().setUnits((long) numHeads * headSize).optBias(bias).build());
        this.kernel = addChildBlock("kernel", kernel);
        output = addChildBlock("output", Linear.builder().setUnits(embeddingSize).optBias(bias).build());
    }

    /**
     * Sets how the four projections start; call before initialisation.
     *
     * @param init the init of the query, key, value and output projections
     */
    public void initLinears(LinearInit init) {
        for (Linear projection : new Linear[] {query, key, value}) {
            init.apply(projection, embeddingSize);
        }
        init.apply(output, (long) numHeads * headSize);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        boolean queryRowOnly = firstRowOnly && kernel.acceptsQuerySubset();
        NDArray queryInput = queryRowOnly ? contiguousFirstRow(x) : x;
        NDArray q = splitHeads(query.forward(store, new NDList(queryInput), training).head());
        NDArray k = splitHeads(key.forward(store, new NDList(x), training).head());
        NDArray v = splitHeads(value.forward(store, new NDList(x), training).head());
        NDList kernelInputs = mask == null ? new NDList(q, k, v) : new NDList(q, k, v, mask);
        NDArray mixed = kernel.forward(store, kernelInputs, training).head();
        if (firstRowOnly && !queryRowOnly) {
            mixed = mixed.get(new NDIndex(":, :, 0:1, :"));
        }
        Shape shape = mixed.getShape();
        NDArray merged = mixed.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), (long) numHeads * headSize);
        return output.forward(store, new NDList(merged), training);
    }

    /**
     * Returns a contiguous copy of the first row of {@code x (B, L, d)}, {@code (B, 1, d)}, on the autograd tape.
     * Projecting the strided view itself gave results differing in the last bit between two blocks holding the
     * same parameters (PyTorch), which breaks bit-identical save and load; {@code duplicate()} is not on the tape.
     */
    private static NDArray contiguousFirstRow(NDArray x) {
        NDArray row = x.get(new NDIndex(":, 0:1, :"));
        return row.zerosLike().add(row);
    }

    private NDArray splitHeads(NDArray projected) {
        Shape shape = projected.getShape();
        return projected.reshape(shape.get(0), shape.get(1), numHeads, headSize).transpose(0, 2, 1, 3);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (Linear projection : new Linear[] {query, key, value}) {
            projection.initialize(manager, dataType, x);
        }
        Shape heads = new Shape(x.get(0), numHeads, x.get(1), headSize);
        kernel.initialize(manager, dataType, heads, heads, heads);
        output.initialize(manager, dataType, new Shape(x.get(0), x.get(1), (long) numHeads * headSize));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), firstRowOnly ? 1 : x.get(1), embeddingSize)};
    }
}
