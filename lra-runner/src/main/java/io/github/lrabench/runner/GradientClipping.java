package io.github.lrabench.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Global-norm gradient clipping (DJL has only element-wise clipping built in). The norm is computed on the
 * parameters' device and read back once ({@link #squaredNorm} leaves it there, so that the training step reads it
 * together with its loss); the scaling is in place, on the device.
 */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Computes the global L2 norm of all gradients and, when it exceeds {@code maxNorm}, scales every gradient in
     * place by {@code maxNorm / norm}. Reads one number back from the device.
     *
     * @param parameters the block's parameters
     * @param maxNorm the maximum norm, or a non-positive value to only measure
     * @return the norm before clipping
     */
    public static double clipGlobalNorm(PairList<String, Parameter> parameters, double maxNorm) {
        NDArray any = firstGradient(parameters);
        if (any == null) {
            return 0;
        }
        try (NDManager scratch = any.getManager().newSubManager()) {
            double norm = Math.sqrt(squaredNorm(parameters, scratch).getFloat());
            scale(parameters, norm, maxNorm);
            return norm;
        }
    }

    /**
     * Sums the squared L2 norms of all gradients on their device, without reading anything back.
     *
     * @param parameters the block's parameters
     * @param manager where the result and its intermediates go (e.g. the step's manager)
     * @return a float32 scalar array: the squared global norm (0 when no parameter has a gradient)
     */
    public static NDArray squaredNorm(PairList<String, Parameter> parameters, NDManager manager) {
        NDList norms = new NDList();
        for (Pair<String, Parameter> entry : parameters) {
            NDArray gradient = gradientOf(entry.getValue());
            if (gradient != null) {
                NDArray norm = gradient.norm();
                // an op's result belongs to its first operand's manager, here the parameter's: move it to the step's
                norm.attach(manager);
                norms.add(norm.toType(DataType.FLOAT32, false).reshape(1));
            }
        }
        if (norms.isEmpty()) {
            return manager.zeros(new Shape(), DataType.FLOAT32);
        }
        NDArray all = norms.size() == 1 ? norms.head() : NDArrays.concat(norms);
        return all.mul(all).sum();
    }

    /**
     * Scales every gradient in place by {@code maxNorm / norm} when {@code norm} exceeds {@code maxNorm} and is
     * finite.
     *
     * @param parameters the block's parameters
     * @param norm the global norm ({@link #squaredNorm}'s square root)
     * @param maxNorm the maximum norm, or a non-positive value to leave the gradients as they are
     */
    public static void scale(PairList<String, Parameter> parameters, double norm, double maxNorm) {
        if (maxNorm > 0 && norm > maxNorm && Double.isFinite(norm)) {
            float scale = (float) (maxNorm / norm);
            for (Pair<String, Parameter> entry : parameters) {
                NDArray gradient = gradientOf(entry.getValue());
                if (gradient != null) {
                    gradient.muli(scale);
                }
            }
        }
    }

    private static NDArray firstGradient(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> entry : parameters) {
            NDArray gradient = gradientOf(entry.getValue());
            if (gradient != null) {
                return gradient;
            }
        }
        return null;
    }

    private static NDArray gradientOf(Parameter parameter) {
        if (!parameter.requiresGradient() || !parameter.isInitialized()) {
            return null;
        }
        return parameter.getArray().getGradient();
    }
}
