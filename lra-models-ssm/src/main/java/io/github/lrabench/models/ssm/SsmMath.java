package io.github.lrabench.models.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.github.lrabench.api.BatchOps;

/**
 * The two computations of an S4D layer, as functions of arrays: the convolution kernel from the diagonal SSM
 * parameters (in real arithmetic, because DJL's {@code complex()} has no autograd) and the causal convolution by
 * FFT.
 */
final class SsmMath {

    private SsmMath() {}

    /**
     * The S4D convolution kernel {@code K[h, l] = 2 Σₙ Re(C̃ₙ exp(Δ Λₙ l))} for {@code l = 0 … L−1}, with the
     * zero-order-hold discretisation {@code C̃ = C (exp(Δ Λ) − 1) / Λ} (B is folded into C) and {@code Λ = −exp(
     * logAReal) + i aImag}. Each complex product is written out: {@code exp(a + ib) = exp(a) (cos b + i sin b)}.
     * The sum over n runs over N/2 eigenvalues, the other half being their complex conjugates (hence the 2).
     *
     * <p>Every result lives in the manager of {@code like} (the batch's), never in that of the parameters.
     *
     * @param like supplies the manager for the results
     * @param logDt log Δ, shape {@code (H, 1)}
     * @param logAReal log(−Re Λ), shape {@code (H, N/2)}
     * @param aImag Im Λ, shape {@code (H, N/2)}
     * @param cReal Re C, shape {@code (H, N/2)}
     * @param cImag Im C, shape {@code (H, N/2)}
     * @param length L
     * @return K, shape {@code (H, L)}
     */
    static NDArray kernel(NDArray like, NDArray logDt, NDArray logAReal, NDArray aImag, NDArray cReal,
            NDArray cImag, int length) {
        NDArray dt = lift(like, logDt).exp();
        NDArray aRe = lift(like, logAReal).exp().neg();
        NDArray aIm = lift(like, aImag);
        NDArray cRe = lift(like, cReal);
        NDArray cIm = lift(like, cImag);
        NDArray dtARe = aRe.mul(dt);
        NDArray dtAIm = aIm.mul(dt);
        // exp(Δ Λ) − 1
        NDArray growth = dtARe.exp();
        NDArray numRe = growth.mul(dtAIm.cos()).sub(BatchOps.constant(like, 1f));
        NDArray numIm = growth.mul(dtAIm.sin());
        // C (exp(Δ Λ) − 1)
        NDArray pRe = cRe.mul(numRe).sub(cIm.mul(numIm));
        NDArray pIm = cRe.mul(numIm).add(cIm.mul(numRe));
        // ÷ Λ: (p_re + i p_im)(a_re − i a_im) / |Λ|²
        NDArray modulus = aRe.square().add(aIm.square());
        NDArray ctRe = pRe.mul(aRe).add(pIm.mul(aIm)).div(modulus);
        NDArray ctIm = pIm.mul(aRe).sub(pRe.mul(aIm)).div(modulus);
        // Vandermonde: exp(Δ Λ l) = exp(Δ a_re l) (cos(Δ a_im l) + i sin(Δ a_im l)), shape (H, N/2, L)
        Shape pairs = dtARe.getShape();
        NDArray steps = like.getManager().arange(0f, (float) length, 1f, like.getDataType(), like.getDevice())
                .reshape(1, 1, length);
        NDArray decay = dtARe.reshape(pairs.get(0), pairs.get(1), 1).mul(steps).exp();
        NDArray angle = dtAIm.reshape(pairs.get(0), pairs.get(1), 1).mul(steps);
        NDArray real = decay.mul(angle.cos().mul(ctRe.expandDims(2)).sub(angle.sin().mul(ctIm.expandDims(2))));
        return BatchOps.scale(real.sum(new int[] {1}), 2f);
    }

    /**
     * The causal convolution {@code y[b, h, t] = Σ_{s ≤ t} k[h, t − s] u[b, h, s]} by real FFTs of length 2L
     * (zero padding turns the circular convolution into a linear one), along the last axis.
     *
     * @param u the input, shape {@code (B, H, L)}
     * @param k the kernel, shape {@code (H, L)}
     * @return y, shape {@code (B, H, L)}, in the manager of {@code u}
     */
    static NDArray causalConvolution(NDArray u, NDArray k) {
        long length = u.getShape().get(2);
        NDArray uf = u.rfft(2 * length, 2);
        NDArray kf = k.rfft(2 * length, 1);
        return uf.mul(kf).irfft(2 * length, 2).get(new NDIndex(":, :, 0:" + length));
    }

    /**
     * Returns a parameter's value as an array of the batch's manager (a parameter's own ops would leave their
     * results in the model's long-lived manager); the gradient flows through to the parameter.
     *
     * @param like supplies manager, data type and device
     * @param parameter the parameter's value
     * @return {@code 0 + parameter}, in the manager of {@code like}
     */
    static NDArray lift(NDArray like, NDArray parameter) {
        return like.getManager().zeros(parameter.getShape(), parameter.getDataType(), like.getDevice())
                .add(parameter);
    }
}
