package io.github.lrabench.models.attention;

import com.typesafe.config.Config;

/**
 * Nyström attention ({@link NystromAttention}).
 *
 * @param numLandmarks ℓ, the number of landmarks; must divide the encoded length ({@code num-landmarks})
 * @param pinvIterations the iterations of the pseudo-inverse ({@code pinv-iterations}; the paper uses 6)
 * @param pinvInit the starting scale of the pseudo-inverse ({@code pinv-init}: {@code original} or {@code
 *     per-matrix})
 * @param convKernelSize the depthwise convolution's kernel size on the sequence axis, odd, or 0 for none ({@code
 *     conv-kernel-size}; the paper uses 35)
 * @param convPath how that convolution is computed ({@code conv-path}; the same numbers either way)
 */
public record NystromKernelSpec(
        int numLandmarks, int pinvIterations, PseudoInverse.Init pinvInit, int convKernelSize, ConvPath convPath)
        implements AttentionKernelSpec {

    /** Validates the components. */
    public NystromKernelSpec {
        if (numLandmarks < 1 || pinvIterations < 0 || pinvInit == null
                || convKernelSize < 0 || (convKernelSize > 0 && convKernelSize % 2 == 0) || convPath == null) {
            throw new IllegalArgumentException("invalid Nyström settings: landmarks " + numLandmarks
                    + " (>= 1), iterations " + pinvIterations + " (>= 0), init " + pinvInit
                    + ", conv kernel " + convKernelSize + " (0 or odd), conv path " + convPath);
        }
    }

    /** {@inheritDoc} */
    @Override
    public AttentionKernel newKernel(int numHeads, int headSize) {
        return new NystromAttention(numHeads, this);
    }

    /**
     * Returns the FLOPs over all heads: per head, {@code 2Lℓdh} each for {@code Q̄K̃ᵀ}, {@code Q̃K̄ᵀ}, {@code B·V}
     * and the final product, {@code 2ℓ²dh} for {@code Q̃K̃ᵀ}, {@code 2Lℓ²} for {@code F·A⁺}, {@code 8ℓ³} per
     * pseudo-inverse iteration (four ℓ×ℓ products) and {@code 2L·dh·k} for the convolution (models.md §9). The
     * convolution is counted as the convolution's arithmetic on every {@code conv-path}: the banded path multiplies
     * by the band's zeros too (about twice these FLOPs at k = 35), a cost of how it is computed, not of the model.
     */
    @Override
    public long forwardFlops(long length, long numHeads, long headSize) {
        long l = numLandmarks;
        long perHead = 4L * 2 * length * l * headSize
                + 2L * l * l * headSize
                + 2L * length * l * l
                + 8L * pinvIterations * l * l * l
                + 2L * length * headSize * convKernelSize;
        return numHeads * perHead;
    }

    /**
     * Reads the Nyström keys and checks that the landmarks divide the encoded length.
     *
     * @param config the provider's block
     * @param task the task
     * @param settings the shared settings (for the pooling, which decides about a CLS token)
     * @param problems where problems are recorded
     * @return the spec; meaningful only when no problem was recorded
     */
    static NystromKernelSpec read(
            Config config, io.github.lrabench.api.TaskSpec task, EncoderSettings settings, ConfigProblems problems) {
        int landmarks = problems.intAtLeast(config, "num-landmarks", 1);
        int iterations = problems.intAtLeast(config, "pinv-iterations", 1);
        String initName = problems.string(config, "pinv-init");
        PseudoInverse.Init init = initName == null ? null : PseudoInverse.Init.fromConfigName(initName);
        if (initName != null && init == null) {
            problems.add("pinv-init", "must be original or per-matrix but was '" + initName + "'");
        }
        int kernel = problems.intAtLeast(config, "conv-kernel-size", 0);
        if (kernel > 0 && kernel % 2 == 0) {
            problems.add("conv-kernel-size", "must be 0 (no convolution) or odd (symmetric padding keeps the length)"
                    + " but was " + kernel);
            kernel = 0;
        }
        String pathName = problems.string(config, "conv-path");
        ConvPath path = pathName == null ? null : ConvPath.fromConfigName(pathName);
        if (pathName != null && path == null) {
            problems.add("conv-path", "must be auto, conv2d or banded but was '" + pathName + "'");
        }
        int length = settings.encodedLength(task);
        if (length % landmarks != 0) {
            String cls = settings.pooling().usesClsToken() ? " + 1 CLS token for pooling = cls" : "";
            problems.add("num-landmarks", "= " + landmarks + " must divide the encoded sequence length " + length
                    + " (" + task.sequenceLength() + " steps of task " + task.name() + cls + "); choose a divisor of "
                    + length + (cls.isEmpty() ? "" : " or pooling = mean"));
        }
        return new NystromKernelSpec(landmarks, iterations, init == null ? PseudoInverse.Init.ORIGINAL : init,
                kernel, path == null ? ConvPath.CONV2D : path);
    }
}
