package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;

/**
 * Stacks the configuration layers of one trial. For a block name such as {@code training} or {@code data}, the
 * effective block is, highest first:
 * <ol>
 *   <li>{@code lra.profiles.<profile>.models.<model>.<block>} (a model's own budget or learning rate)</li>
 *   <li>{@code lra.profiles.<profile>.protocols.<protocol>.<block>}</li>
 *   <li>{@code lra.profiles.<profile>.<block>}</li>
 *   <li>{@code lra.protocols.<protocol>.<block>} (the protocol's definition)</li>
 * </ol>
 * A profile therefore scales a protocol (steps, caps, budget) without redefining it.
 */
public final class TrialSettingsResolver {

    private final Config root;

    /**
     * Creates the resolver.
     *
     * @param root the resolved configuration
     */
    public TrialSettingsResolver(Config root) {
        this.root = root;
    }

    /**
     * Returns the effective block.
     *
     * @param block the block name, e.g. {@code training}
     * @param trial the trial
     * @return the stacked block
     */
    public Config block(String block, TrialSpec trial) {
        Config result = ConfigFactory.empty();
        for (String path : layers(block, trial)) {
            if (root.hasPath(path)) {
                result = result.withFallback(root.getConfig(path));
            }
        }
        return result;
    }

    /**
     * Returns the trial's training settings.
     *
     * @param trial the trial
     * @return the settings
     */
    public TrainingSettings training(TrialSpec trial) {
        return TrainingSettings.from(block("training", trial),
                "training (lra.protocols." + trial.protocol() + ".training, lra.profiles." + trial.profile()
                        + "...)");
    }

    /**
     * Returns the protocol's version number.
     *
     * @param protocol the protocol name
     * @return the version
     */
    public int protocolVersion(String protocol) {
        return root.getInt("lra.protocols." + protocol + ".version");
    }

    private static List<String> layers(String block, TrialSpec trial) {
        String profile = "lra.profiles." + trial.profile();
        return List.of(
                profile + ".models." + trial.model() + "." + block,
                profile + ".protocols." + trial.protocol() + "." + block,
                profile + "." + block,
                "lra.protocols." + trial.protocol() + "." + block);
    }
}
