package io.github.lrabench.runner;

/**
 * One independent unit of a suite: a model trained once under a protocol and profile with a seed.
 *
 * @param index position in the suite's trial list ({@code --trial K})
 * @param model the provider id
 * @param protocol the protocol name
 * @param profile the profile name
 * @param seed the run seed; every random source derives from it
 */
public record TrialSpec(int index, String model, String protocol, String profile, int seed) {

    /** Returns the trial's folder relative to a suite's output folder: {@code <protocol>/<model>/seed-<seed>}. */
    public String relativeDirectory() {
        return protocol + "/" + model + "/seed-" + seed;
    }
}
