package io.github.lrabench.models.recurrent;

/** How a sequence of hidden states becomes one feature vector for the classifier. */
public enum Pooling {
    /** The state at the last time step (the paper's choice). */
    LAST,
    /** The mean of the states over all time steps. */
    MEAN
}
