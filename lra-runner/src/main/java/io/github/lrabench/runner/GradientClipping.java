package io.github.lrabench.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/** Global-norm gradient clipping (DJL has only element-wise clipping built in). */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Computes the global L2 norm of all gradients and, when it exceeds {@code maxNorm}, scales every gradient in
     * place by {@code maxNorm / norm}.
     *
     * @param parameters the block's parameters
     * @param maxNorm the maximum norm, or a non-positive value to only measure
     * @return the norm before clipping
     */
    public static double clipGlobalNorm(PairList<String, Parameter> parameters, double maxNorm) {
        double sumOfSquares = 0;
        for (Pair<String, Parameter> entry : parameters) {
            NDArray gradient = gradientOf(entry.getValue());
            if (gradient != null) {
                try (NDArray norm = gradient.norm()) {
                    double value = norm.getFloat();
                    sumOfSquares += value * value;
                }
            }
        }
        double total = Math.sqrt(sumOfSquares);
        if (maxNorm > 0 && total > maxNorm && Double.isFinite(total)) {
            float scale = (float) (maxNorm / total);
            for (Pair<String, Parameter> entry : parameters) {
                NDArray gradient = gradientOf(entry.getValue());
                if (gradient != null) {
                    gradient.muli(scale);
                }
            }
        }
        return total;
    }

    private static NDArray gradientOf(Parameter parameter) {
        if (!parameter.requiresGradient() || !parameter.isInitialized()) {
            return null;
        }
        return parameter.getArray().getGradient();
    }
}
