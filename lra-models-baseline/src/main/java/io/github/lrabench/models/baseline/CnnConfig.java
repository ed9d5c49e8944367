package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.TaskSpec;
import java.util.List;

/**
 * The validated hyperparameters of {@code cnn}, read from {@code lra.models.cnn}.
 *
 * <p>The network is a stem (3×3 convolution → group norm → ReLU at {@code stem-channels}) followed by one stage per entry
 * of {@code stage-channels}; stage {@code i} first shrinks the grid by {@code stage-downsampling[i]} (as {@code
 * downsample} says) and then runs {@code blocks-per-stage} units, each either one conv → norm → ReLU ({@code
 * residual = false}) or a ResNet basic block, two 3×3 convolutions with a parameter-free shortcut ({@code residual =
 * true}). Global average pooling and one dense layer give the classes.
 *
 * @param stemChannels the stem's output channels (key {@code stem-channels})
 * @param stageChannels the channels of each stage (key {@code stage-channels})
 * @param stageDownsampling the factor by which each stage shrinks the grid, 1 for none (key {@code
 *     stage-downsampling}, one entry per stage)
 * @param blocksPerStage the units in every stage (key {@code blocks-per-stage})
 * @param residual whether units are ResNet basic blocks (key {@code residual})
 * @param downsample how a stage shrinks the grid (key {@code downsample}: {@code stride} or {@code max-pool})
 * @param norm the group norm after every convolution (keys {@code norm-groups}, {@code norm-epsilon})
 */
record CnnConfig(int stemChannels, List<Integer> stageChannels, List<Integer> stageDownsampling, int blocksPerStage,
        boolean residual, Downsampling downsample, NormSpec norm) {

    /** Copies the lists. */
    CnnConfig {
        stageChannels = List.copyOf(stageChannels);
        stageDownsampling = List.copyOf(stageDownsampling);
    }

    /**
     * Reads and validates every key, reporting all problems in one exception.
     *
     * @param config the provider's block with the chosen variant merged on top
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    static CnnConfig from(Config config) {
        ConfigReader reader = new ConfigReader(config, CnnProvider.ID);
        int stem = reader.positiveInt("stem-channels");
        List<Integer> channels = reader.positiveInts("stage-channels");
        List<Integer> factors = reader.positiveInts("stage-downsampling");
        int blocks = reader.positiveInt("blocks-per-stage");
        boolean residual = reader.bool("residual");
        Downsampling downsample = Downsampling.fromId(reader.choice("downsample", Downsampling.ids()));
        int groups = reader.positiveInt("norm-groups");
        double epsilon = reader.positiveDouble("norm-epsilon");
        List<Integer> widths = new java.util.ArrayList<>(List.of(stem));
        widths.addAll(channels);
        List<Integer> undivided = widths.stream().filter(w -> w % groups != 0).distinct().toList();
        if (!undivided.isEmpty()) {
            reader.problem("norm-groups", "must divide every width (stem-channels and stage-channels) but "
                    + groups + " does not divide " + undivided);
        }
        if (factors.size() != channels.size()) {
            reader.problem("stage-downsampling", "needs one factor per stage (" + channels.size() + " in "
                    + reader.path("stage-channels") + ") but has " + factors.size() + ": " + factors);
        }
        if (residual) {
            int previous = stem;
            for (int width : channels) {
                if (width < previous) {
                    reader.problem("stage-channels", "must not shrink from " + stem + " (stem-channels) on when"
                            + " residual = true (the shortcut pads channels with zeros) but was " + channels);
                    break;
                }
                previous = width;
            }
        }
        reader.throwIfInvalid("cnn");
        return new CnnConfig(stem, channels, factors, blocks, residual, downsample,
                new NormSpec(groups, (float) epsilon));
    }

    /**
     * Returns the grid side after every stage, refusing a task whose grid would vanish.
     *
     * @param task the task
     * @return the sides, one per stage
     * @throws IllegalArgumentException when the grid is not square or shrinks below 1×1, with the numbers
     */
    int[] stageSides(TaskSpec task) {
        int side = ImageGrid.side(task);
        int[] sides = new int[stageChannels.size()];
        for (int i = 0; i < sides.length; i++) {
            int next = downsample.shrink(side, stageDownsampling.get(i));
            if (next < 1) {
                throw new IllegalArgumentException("lra.models.cnn.stage-downsampling " + stageDownsampling
                        + " with downsample = " + downsample.id() + " shrinks the " + ImageGrid.side(task) + "×"
                        + ImageGrid.side(task) + " grid of task " + task.name() + " to nothing at stage " + i
                        + " (" + side + " / " + stageDownsampling.get(i) + ")");
            }
            side = next;
            sides[i] = side;
        }
        return sides;
    }

    /**
     * Returns the forward FLOPs of one sequence: every convolution ({@code 2·9·C_in·C_out·S_out²}) and the dense
     * layer ({@code 2·C·K}); normalisation, ReLU, pooling and the residual additions (a few per cent) are not
     * counted.
     *
     * @param task the task
     * @return the FLOPs
     */
    long forwardFlops(TaskSpec task) {
        long side = ImageGrid.side(task);
        long flops = conv(ImageGrid.channels(task), stemChannels, side);
        int[] sides = stageSides(task);
        int in = stemChannels;
        for (int i = 0; i < sides.length; i++) {
            int out = stageChannels.get(i);
            for (int unit = 0; unit < blocksPerStage; unit++) {
                int unitIn = unit == 0 ? in : out;
                flops += conv(unitIn, out, sides[i]);
                if (residual) {
                    flops += conv(out, out, sides[i]);
                }
            }
            in = out;
        }
        return flops + 2L * in * task.numClasses();
    }

    private static long conv(long in, long out, long side) {
        return 2L * 9 * in * out * side * side;
    }
}
