package io.github.lrabench.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * The trials of a suite, in a fixed order (protocol, then model, then seed), so that {@code --trial K} names the
 * same trial on every machine of a fan-out.
 *
 * @param trials the trials; {@code trials.get(k).index() == k}
 */
public record SuitePlan(List<TrialSpec> trials) {

    /**
     * Builds the plan.
     *
     * @param protocols the protocols
     * @param models the model ids
     * @param profile the profile
     * @param firstSeed the first seed
     * @param seeds how many seeds per model
     * @return the plan
     */
    public static SuitePlan of(List<String> protocols, List<String> models, String profile, int firstSeed,
            int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1 but was " + seeds);
        }
        List<TrialSpec> trials = new ArrayList<>();
        for (String protocol : protocols) {
            for (String model : models) {
                for (int s = 0; s < seeds; s++) {
                    trials.add(new TrialSpec(trials.size(), model, protocol, profile, firstSeed + s));
                }
            }
        }
        return new SuitePlan(List.copyOf(trials));
    }

    /**
     * Returns one trial by index.
     *
     * @param index K
     * @return the trial
     * @throws IllegalArgumentException naming the valid range
     */
    public TrialSpec trial(int index) {
        if (index < 0 || index >= trials.size()) {
            throw new IllegalArgumentException("--trial " + index + " is outside this suite's trials 0.."
                    + (trials.size() - 1) + " (see --list-trials)");
        }
        return trials.get(index);
    }
}
