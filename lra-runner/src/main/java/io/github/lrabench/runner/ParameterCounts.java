package io.github.lrabench.runner;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts a block's parameters. */
public final class ParameterCounts {

    private ParameterCounts() {}

    /**
     * Counts the trainable scalars of an initialised block (constant buffers such as DFT matrices are not
     * counted).
     *
     * @param block the initialised block
     * @return the number of trainable scalar parameters
     */
    public static long trainable(Block block) {
        long total = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                total += parameter.getValue().getArray().size();
            }
        }
        return total;
    }
}
