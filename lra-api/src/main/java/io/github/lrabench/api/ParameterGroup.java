package io.github.lrabench.api;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An optimisation hint for a group of a classifier's parameters: their own peak learning rate and whether weight
 * decay applies to them (see {@link SequenceClassifier#parameterGroups()}).
 *
 * <p>A group's learning rate is absolute: it is the rate the group reaches where the run's schedule reaches its
 * peak, and it follows the same schedule shape (warmup, cosine, final value), scaled by {@code learningRate /
 * the run's peak}. Parameters in no group train with the run's settings. S4D, for example, trains its state-space
 * parameters (Λ, Δ) at 0.001 without weight decay while the rest of the model uses 0.01 with weight decay.
 *
 * @param name a short lowercase name for reports, matching {@code [a-z0-9-]+}
 * @param pathPattern a regular expression that a parameter's path in the block (as listed by {@code
 *     Block.getParameters()}, e.g. {@code layer0_kernel_logDt}) must match entirely
 * @param learningRate the group's peak learning rate, finite and {@code >= 0}; empty for the run's rate
 * @param weightDecay whether the run's weight decay applies to the group
 */
public record ParameterGroup(String name, String pathPattern, OptionalDouble learningRate, boolean weightDecay) {

    /**
     * Validates the group.
     *
     * @throws IllegalArgumentException naming the group and what is wrong with it
     */
    public ParameterGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pathPattern, "pathPattern");
        Objects.requireNonNull(learningRate, "learningRate");
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a parameter group's name must match [a-z0-9-]+ but was '" + name
                    + "'");
        }
        try {
            Pattern.compile(pathPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("parameter group '" + name + "': path pattern '" + pathPattern
                    + "' is not a regular expression: " + e.getDescription(), e);
        }
        if (learningRate.isPresent()
                && !(learningRate.getAsDouble() >= 0 && Double.isFinite(learningRate.getAsDouble()))) {
            throw new IllegalArgumentException("parameter group '" + name + "': the learning rate must be finite"
                    + " and >= 0 but was " + learningRate.getAsDouble());
        }
    }

    /**
     * Returns whether a parameter path belongs to this group.
     *
     * @param path the parameter's path in the block
     * @return whether the whole path matches {@link #pathPattern()}
     */
    public boolean matches(String path) {
        return Pattern.compile(pathPattern).matcher(path).matches();
    }
}
