package io.github.lrabench.models.recurrent;

/** The fixed-step scheme that advances LipschitzRNN's ODE by one step {@code ε} per sequence element. */
public enum OdeSolver {
    /** Forward Euler: {@code h' = h + ε f(h)} (the reference model {@code LipschitzRNN}). */
    EULER,
    /**
     * Explicit midpoint (RK2): {@code h' = h + ε f(h + ε/2 f(h))} (the reference model {@code LipschitzRNN_ODE},
     * torchdiffeq's fixed-grid {@code midpoint} over one step).
     */
    MIDPOINT
}
