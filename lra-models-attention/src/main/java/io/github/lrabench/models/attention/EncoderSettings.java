package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import io.github.lrabench.api.TaskSpec;

/**
 * The encoder hyperparameters that the three attention providers share.
 *
 * @param embeddingSize d, the width of every token vector ({@code embedding-size})
 * @param numLayers the number of encoder blocks ({@code num-layers})
 * @param numHeads the number of attention heads ({@code num-heads})
 * @param qkvSize the total width of the queries, keys and values over all heads, LRA's {@code qkv_dim} ({@code
 *     qkv-size}); the head size is {@code qkvSize / numHeads}
 * @param mlpSize the hidden width of each block's feed-forward network ({@code mlp-size})
 * @param dropout the rate of the dropout after the embedding, after attention and inside the MLP ({@code dropout})
 * @param layerNormEpsilon epsilon of every layer norm ({@code layer-norm-epsilon})
 * @param attentionBias whether the query, key, value and output projections have biases ({@code attention-bias})
 * @param pooling how the sequence becomes one vector ({@code pooling}: {@code cls} or {@code mean})
 * @param headHiddenSize the hidden width of the classifier head, or 0 for a single linear layer ({@code
 *     head-hidden-size})
 * @param maskZeroTokens whether token 0 (a pure-black pixel) is treated as padding, as both LRA reference codebases
 *     do ({@code mask-zero-tokens}; token tasks only)
 * @param attentionPath whether the last layer may compute the CLS row alone ({@code attention-path}: {@code auto}
 *     or {@code full})
 * @param init how the parameters start (the {@code *-init*} keys, see {@link EncoderInit})
 */
public record EncoderSettings(
        int embeddingSize,
        int numLayers,
        int numHeads,
        int qkvSize,
        int mlpSize,
        float dropout,
        float layerNormEpsilon,
        boolean attentionBias,
        Pooling pooling,
        int headHiddenSize,
        boolean maskZeroTokens,
        AttentionPath attentionPath,
        EncoderInit init) {

    /** Returns the size of one attention head, {@code qkvSize / numHeads}. */
    public int headSize() {
        return qkvSize / numHeads;
    }

    /**
     * Returns whether a layer computes only the CLS row of its output: the last layer, with CLS pooling, unless
     * {@code attention-path = full}. Exact there, because only the CLS row reaches the logits.
     *
     * @param layer the layer, from 0
     * @return whether that layer takes the CLS-only path
     */
    public boolean clsOnly(int layer) {
        return attentionPath == AttentionPath.AUTO && pooling == Pooling.CLS && layer == numLayers - 1;
    }

    /**
     * Returns L', the number of token vectors the encoder sees: the task's length, plus one for a CLS vector.
     *
     * @param task the task
     * @return L'
     */
    public int encodedLength(TaskSpec task) {
        return task.sequenceLength() + (pooling.usesClsToken() ? 1 : 0);
    }

    /**
     * Reads and validates the shared keys, recording every problem.
     *
     * @param config the provider's block
     * @param task the task the model is built for
     * @param problems where problems are recorded
     * @return the settings; meaningful only when no problem was recorded
     */
    static EncoderSettings read(Config config, TaskSpec task, ConfigProblems problems) {
        int embeddingSize = problems.intAtLeast(config, "embedding-size", 1);
        int numLayers = problems.intAtLeast(config, "num-layers", 1);
        int numHeads = problems.intAtLeast(config, "num-heads", 1);
        int qkvSize = problems.intAtLeast(config, "qkv-size", 1);
        if (qkvSize % numHeads != 0) {
            problems.add("qkv-size", "= " + qkvSize + " must be a multiple of num-heads = " + numHeads);
        }
        int mlpSize = problems.intAtLeast(config, "mlp-size", 1);
        float dropout = problems.rate(config, "dropout");
        float epsilon = problems.positive(config, "layer-norm-epsilon");
        boolean attentionBias = problems.bool(config, "attention-bias");
        String poolingName = problems.string(config, "pooling");
        Pooling pooling = poolingName == null ? null : Pooling.fromConfigName(poolingName);
        if (poolingName != null && pooling == null) {
            problems.add("pooling", "must be cls or mean but was '" + poolingName + "'");
        }
        int headHiddenSize = problems.intAtLeast(config, "head-hidden-size", 0);
        boolean maskZeroTokens = problems.bool(config, "mask-zero-tokens");
        if (maskZeroTokens && !task.isTokenInput()) {
            problems.add("mask-zero-tokens", "= true needs a token task (pixel value 0 as padding), but task "
                    + task.name() + " feeds floats " + task.describeInputShape());
        }
        String pathName = problems.string(config, "attention-path");
        AttentionPath path = pathName == null ? null : AttentionPath.fromConfigName(pathName);
        if (pathName != null && path == null) {
            problems.add("attention-path", "must be auto or full but was '" + pathName + "'");
        }
        return new EncoderSettings(embeddingSize, numLayers, numHeads, qkvSize, mlpSize, dropout, epsilon,
                attentionBias, pooling == null ? Pooling.MEAN : pooling, headHiddenSize, maskZeroTokens,
                path == null ? AttentionPath.FULL : path, EncoderInit.read(config, problems));
    }
}
