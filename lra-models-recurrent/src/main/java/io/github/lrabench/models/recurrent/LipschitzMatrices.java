package io.github.lrabench.models.recurrent;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;

/**
 * Builds LipschitzRNN's recurrent matrices from their free matrices (models.md §3.2):
 *
 * <pre>
 *   A_β = (1 - β)(M + Mᵀ) + β(M - Mᵀ) - γ I
 * </pre>
 *
 * <p>so the symmetric part of A_β is {@code (1 - β)(M + Mᵀ) - γ I} and its antisymmetric part {@code β(M - Mᵀ)}.
 * With β close to 1 the matrix is mostly antisymmetric and the dynamics nearly energy preserving; γ damps.
 */
public final class LipschitzMatrices {

    private LipschitzMatrices() {}

    /**
     * Builds A_β (or W_β) in the batch's manager.
     *
     * @param like an array of the batch (supplies manager and device)
     * @param free the free matrix M, {@code (N, N)} (a parameter is fine: it is copied into the batch first)
     * @param beta β
     * @param gamma γ
     * @return A_β, {@code (N, N)}
     */
    public static NDArray build(NDArray like, NDArray free, float beta, float gamma) {
        NDArray m = BatchArrays.local(like, free);
        NDArray transposed = m.transpose();
        int size = Math.toIntExact(m.getShape().get(0));
        NDArray damping =
                BatchOps.scale(like.getManager().eye(size, size, 0, m.getDataType(), like.getDevice()), gamma);
        return BatchOps.scale(m.add(transposed), 1f - beta)
                .add(BatchOps.scale(m.sub(transposed), beta))
                .sub(damping);
    }
}
