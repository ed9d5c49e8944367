package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;

/** Tells which engine an array belongs to, for the few places where a fused op exists on one engine only. */
final class Engines {

    private Engines() {}

    /**
     * Returns whether an array lives on the PyTorch engine.
     *
     * @param x any array
     * @return true for DJL PyTorch
     */
    static boolean isPyTorch(NDArray x) {
        return "PyTorch".equals(x.getManager().getEngine().getEngineName());
    }
}
