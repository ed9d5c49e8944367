package io.github.lrabench.models.attention;

import io.github.lrabench.api.TaskSpec;

/**
 * Forward FLOPs of an {@link EncoderClassifierBlock} for one sequence, counting a multiply-add as 2 and only the
 * matrix products (models.md §9; norms, softmax and elementwise ops are left out).
 *
 * <p>With L' the encoded length, d the embedding size, q the qkv size and m the MLP size, each layer costs {@code
 * 2L'·(3dq + qd)} for the projections, {@code 4L'·d·m} for the MLP and the kernel's own count; the input projection
 * of a float task adds {@code 2L·C·d} and the head {@code 2d·h + 2h·classes} (or {@code 2d·classes}). For ViT
 * shapes (q = d, m = 4d, softmax) this is §9's {@code D·[L'·24d² + 4L'²d]} plus the small input and head terms.
 *
 * <p>A CLS-only last layer ({@link EncoderSettings#clsOnly(int)}) is counted as it is computed: keys and values
 * for all L' positions ({@code 2L'·2dq}), the query and output projections and the MLP for one row ({@code 2·2dq
 * + 4dm}), and the kernel's count for one query row (softmax: {@code 4L'q}; a kernel that needs every query, such
 * as Nyström, computes every row and its queries for all positions).
 */
final class EncoderFlops {

    private EncoderFlops() {}

    /**
     * Counts the forward FLOPs.
     *
     * @param task the task
     * @param settings the encoder settings
     * @param kernel the attention kernel
     * @return FLOPs per sequence
     */
    static long forward(TaskSpec task, EncoderSettings settings, AttentionKernelSpec kernel) {
        long length = settings.encodedLength(task);
        long d = settings.embeddingSize();
        long qkv = settings.qkvSize();
        long input = task.isTokenInput() ? 0 : 2L * task.sequenceLength() * task.channels() * d;
        long heads = settings.numHeads();
        long headSize = settings.headSize();
        long layers = 0;
        for (int layer = 0; layer < settings.numLayers(); layer++) {
            long rows = settings.clsOnly(layer) ? 1 : length;
            long queryRows = settings.clsOnly(layer) && kernel.acceptsQuerySubset() ? 1 : length;
            long keysAndValues = 2L * length * 2 * d * qkv;
            long queriesAndOutput = 2L * queryRows * d * qkv + 2L * rows * qkv * d;
            long mlp = 4L * rows * d * settings.mlpSize();
            layers += keysAndValues + queriesAndOutput + mlp
                    + kernel.forwardFlops(queryRows, length, heads, headSize);
        }
        long hidden = settings.headHiddenSize();
        long classes = task.numClasses();
        long head = hidden > 0 ? 2L * d * hidden + 2L * hidden * classes : 2L * d * classes;
        return input + layers + head;
    }
}
