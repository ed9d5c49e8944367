package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The depthwise convolution of {@link NystromAttention} on V, {@code out[b,h,t,e] = Σ_j w[h,j] · v[b,h,t+j−k/2,e]}
 * (zeros outside the sequence), computed as banded matrix products instead of a grouped convolution.
 *
 * <p>The sequence is cut into chunks of {@code S = max(k − 1, 32)} rows. The {@code S} outputs of a chunk read
 * {@code S + k − 1} rows of the zero-padded input (the chunk and the first {@code k − 1} rows of the next one), and
 * are that window times one {@code S × (S + k − 1)} band matrix per head, {@code T[r, c] = w[c − r]} for {@code 0 ≤
 * c − r < k}, 0 elsewhere. With the heads leading and the batch and head dimensions side by side as columns, the
 * whole convolution is one batched product {@code (H, n, S, S+k−1) · (H, n, S+k−1, B·dh)} (the band broadcast over
 * the n chunks): {@code 2·(S+k−1)} FLOPs per output instead of the convolution's {@code 2k} (about twice as many at
 * k = 35), but at matrix-product speed, where PyTorch's CPU kernel for a grouped {@code k×1} convolution is a slow
 * one (forward + backward at B 32, H 2, L 1024, dh 32, k 35 on one thread of the loaded 2-core machine: 36–52 ms
 * against 1.6–2.7 s). The band is built from the weight by a concatenation, a tile and a slice, so the weight's
 * gradient flows through ordinary ops; slices, concatenations and products have sound gradients on both engines.
 */
final class BandedDepthwiseConv {

    /** The smallest chunk: below it the products get too small to run at matrix-product speed. */
    private static final int MIN_CHUNK = 32;

    private final int kernelSize;
    private final int chunk;

    /**
     * Creates the convolution of one kernel size.
     *
     * @param kernelSize k, odd and positive
     */
    BandedDepthwiseConv(int kernelSize) {
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("the banded convolution needs an odd kernel size >= 1 but got "
                    + kernelSize);
        }
        this.kernelSize = kernelSize;
        this.chunk = Math.max(kernelSize - 1, MIN_CHUNK);
    }

    /**
     * Convolves every head's rows along the sequence with that head's filter.
     *
     * @param values {@code (B, H, L, dh)}; the result belongs to its manager
     * @param weight {@code (H, 1, k, 1)}, one filter per head (the layout of {@code Conv2d}'s grouped weight)
     * @return {@code (B, H, L, dh)}
     */
    NDArray apply(NDArray values, NDArray weight) {
        Shape shape = values.getShape();
        long heads = shape.get(1);
        if (shape.dimension() != 4 || !weight.getShape().equals(new Shape(heads, 1, kernelSize, 1))) {
            throw new IllegalArgumentException("the banded convolution expects values (B, H, L, dh) and a weight (H,"
                    + " 1, " + kernelSize + ", 1) but got " + shape + " and " + weight.getShape());
        }
        long batch = shape.get(0);
        long length = shape.get(2);
        long width = shape.get(3);
        long columns = batch * width;
        long chunks = (length + chunk - 1) / chunk;
        int pad = kernelSize / 2;
        NDManager manager = values.getManager();
        // (H, L, B·dh), padded with k/2 zero rows in front and zero rows up to n + 1 whole chunks behind
        NDArray rows = values.transpose(1, 2, 0, 3).reshape(heads, length, columns);
        NDArray front = manager.zeros(new Shape(heads, pad, columns), values.getDataType(), values.getDevice());
        NDArray back = manager.zeros(new Shape(heads, (chunks + 1) * chunk - length - pad, columns),
                values.getDataType(), values.getDevice());
        NDArray chunked = front.concat(rows, 1).concat(back, 1).reshape(heads, chunks + 1, chunk, columns);
        NDArray windows = chunked.get(":, 0:" + chunks);
        if (kernelSize > 1) {
            windows = windows.concat(chunked.get(":, 1:, 0:" + (kernelSize - 1)), 2);
        }
        // the band is broadcast explicitly: MXNet's matMul with a broadcast batch axis returned a wrong gradient for
        // the broadcast operand here (ConvPathTest, 3 chunks), while broadcast's own backward is sound
        NDArray bands = band(weight, manager).broadcast(new Shape(heads, chunks, chunk, chunk + kernelSize - 1));
        NDArray out = bands.matMul(windows);
        return out.reshape(heads, chunks * chunk, batch, width).get(":, 0:" + length).transpose(2, 0, 1, 3);
    }

    /**
     * Returns the heads' band matrices {@code (H, 1, S, S + k − 1)} with {@code T[h, r, c] = w[h, c − r]}: the row
     * {@code u = [0 (S times), w]} of period {@code S + k} repeated, read from offset S in rows of {@code S + k − 1},
     * puts {@code u[(S + c − r) mod (S + k)]} at {@code (r, c)}, which is {@code w[c − r]} on the band and 0 off it.
     * The zeros come first so that every array belongs to the batch's manager, not the parameter's.
     */
    private NDArray band(NDArray weight, NDManager manager) {
        long heads = weight.getShape().get(0);
        long window = chunk + kernelSize - 1;
        NDArray zeros = manager.zeros(new Shape(heads, 1, chunk, 1), weight.getDataType(), weight.getDevice());
        NDArray period = zeros.concat(weight, 2).reshape(heads, chunk + kernelSize);
        return period.tile(new long[] {1, chunk})
                .get(":, " + chunk + ":" + (chunk + chunk * window))
                .reshape(heads, 1, chunk, window);
    }
}
