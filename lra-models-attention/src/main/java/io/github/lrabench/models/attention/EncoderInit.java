package io.github.lrabench.models.attention;

import com.typesafe.config.Config;

/**
 * How an encoder's parameters start, after its reference code. Layer norms always start at scale 1 and shift 0.
 *
 * @param tokenStd standard deviation of the token table's normal initialisation ({@code token-init-std}; token
 *     tasks only)
 * @param positionStd standard deviation of the position embeddings' ({@code position-init-std})
 * @param clsStd standard deviation of the CLS vector's, 0 for zeros ({@code cls-init-std})
 * @param linear the attention projections and the MLPs ({@code linear-init})
 * @param head the classifier head's linear layers ({@code head-linear-init})
 */
public record EncoderInit(float tokenStd, float positionStd, float clsStd, LinearInit linear, LinearInit head) {

    /**
     * Reads and validates the init keys, recording every problem.
     *
     * @param config the provider's block
     * @param problems where problems are recorded
     * @return the init; meaningful only when no problem was recorded
     */
    static EncoderInit read(Config config, ConfigProblems problems) {
        return new EncoderInit(problems.nonNegative(config, "token-init-std"),
                problems.nonNegative(config, "position-init-std"),
                problems.nonNegative(config, "cls-init-std"),
                linearInit(config, "linear-init", problems),
                linearInit(config, "head-linear-init", problems));
    }

    private static LinearInit linearInit(Config config, String key, ConfigProblems problems) {
        String name = problems.string(config, key);
        LinearInit init = name == null ? null : LinearInit.fromConfigName(name);
        if (name != null && init == null) {
            problems.add(key, "must be one of djl-default, xavier-uniform, lecun-normal, pytorch-default, zeros"
                    + " but was '" + name + "'");
        }
        return init == null ? LinearInit.DJL_DEFAULT : init;
    }
}
