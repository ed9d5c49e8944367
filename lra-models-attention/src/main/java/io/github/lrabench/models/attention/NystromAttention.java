package io.github.lrabench.models.attention;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;

/**
 * Nyström attention (Xiong et al., "Nyströmformer", AAAI 2021), following the paper's LRA code, per head:
 *
 * <ol>
 *   <li>{@code Q̄ = (Q⊙m)/dh^¼}, {@code K̄ = (K⊙m)/dh^¼} (m: the token mask, all ones when absent);
 *   <li>landmarks {@code Q̃}, {@code K̃}: the means of {@code ℓ} consecutive segments of {@code L/ℓ} rows;
 *   <li>{@code F = softmax(Q̄K̃ᵀ)}, {@code A = softmax(Q̃K̃ᵀ)}, {@code B = softmax(Q̃K̄ᵀ − 10⁹(1−m))};
 *   <li>output {@code (F·A⁺)·(B·V) + DWConv(V⊙m)}, with {@code A⁺} from {@link PseudoInverse} and DWConv a
 *       depthwise convolution along the sequence axis (kernel {@code k×1}, padding {@code k/2}, one filter per
 *       head, no bias) that can be switched off with kernel size 0. It is computed by DJL's grouped {@code
 *       Conv2d} or as banded matrix products ({@link BandedDepthwiseConv}), as {@link ConvPath} says.
 * </ol>
 *
 * <p>Cost is linear in L. L must be a multiple of ℓ. With {@code ℓ = L} the same formula is evaluated (no switch to
 * exact attention), which then equals softmax attention up to the pseudo-inverse's convergence.
 */
public final class NystromAttention extends AttentionKernel {

    private static final byte VERSION = 1;

    private final int numHeads;
    private final NystromKernelSpec spec;
    private final Parameter convWeight;
    private final BandedDepthwiseConv bandedConv;

    /**
     * Creates the kernel.
     *
     * @param numHeads H, the number of heads (one convolution filter each)
     * @param spec the landmark count, pseudo-inverse options, convolution kernel size and convolution path
     */
    public NystromAttention(int numHeads, NystromKernelSpec spec) {
        super(VERSION);
        this.numHeads = numHeads;
        this.spec = spec;
        int kernel = spec.convKernelSize();
        convWeight = kernel == 0
                ? null
                : addParameter(Parameter.builder()
                        .setName("convWeight")
                        .setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(numHeads, 1, kernel, 1))
                        // PyTorch's Conv2d default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = k
                        .optInitializer(new UniformInitializer((float) (1.0 / Math.sqrt(kernel))))
                        .build());
        bandedConv = kernel > 0 && spec.convPath().usesBandedProducts() ? new BandedDepthwiseConv(kernel) : null;
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray attend(
            ParameterStore store, NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
        Shape shape = q.getShape();
        long batch = shape.get(0);
        long heads = shape.get(1);
        long length = shape.get(2);
        long headSize = shape.get(3);
        int landmarks = spec.numLandmarks();
        if (heads != numHeads) {
            throw new IllegalArgumentException("Nyström attention was built for " + numHeads + " heads but got "
                    + heads + " (shape " + shape + ")");
        }
        if (length % landmarks != 0) {
            throw new IllegalArgumentException("Nyström attention needs the sequence length " + length
                    + " to be a multiple of the landmark count " + landmarks);
        }
        float scale = (float) Math.pow(headSize, -0.25);
        NDArray tokenMask = mask == null ? null : mask.reshape(batch, 1, length, 1);
        NDArray qs = BatchOps.scale(q, scale);
        NDArray ks = BatchOps.scale(k, scale);
        if (tokenMask != null) {
            qs = qs.mul(tokenMask);
            ks = ks.mul(tokenMask);
        }
        Shape segments = new Shape(batch, heads, landmarks, length / landmarks, headSize);
        NDArray qLandmarks = qs.reshape(segments).mean(new int[] {3});
        NDArray kLandmarksT = ks.reshape(segments).mean(new int[] {3}).swapAxes(2, 3);
        NDArray kernel1 = qs.matMul(kLandmarksT).softmax(-1);
        NDArray kernel2 = qLandmarks.matMul(kLandmarksT).softmax(-1);
        NDArray logits3 = qLandmarks.matMul(ks.swapAxes(2, 3));
        if (mask != null) {
            logits3 = logits3.add(keyMaskBias(mask));
        }
        NDArray kernel3 = logits3.softmax(-1);
        NDArray inverse = PseudoInverse.iterate(kernel2, spec.pinvIterations(), spec.pinvInit());
        NDArray out = kernel1.matMul(inverse).matMul(kernel3.matMul(v));
        if (convWeight != null) {
            NDArray maskedValues = tokenMask == null ? v : v.mul(tokenMask);
            NDArray weight = store.getValue(convWeight, v.getDevice(), training);
            out = out.add(convolve(maskedValues, weight));
        }
        return out;
    }

    private NDArray convolve(NDArray values, NDArray weight) {
        if (bandedConv != null) {
            return bandedConv.apply(values, weight);
        }
        int pad = spec.convKernelSize() / 2;
        return Conv2d.conv2d(values, weight, null, new Shape(1, 1), new Shape(pad, 0), new Shape(1, 1), numHeads)
                .singletonOrThrow();
    }
}
