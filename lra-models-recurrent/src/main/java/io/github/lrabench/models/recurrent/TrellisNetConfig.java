package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.TaskSpec;
import java.util.List;
import java.util.TreeSet;

/**
 * The validated hyperparameters of a TrellisNet (keys of {@code lra.models.trellisnet}).
 *
 * @param embeddingSize {@code embedding-size}: width of the {@link io.github.lrabench.api.InputEmbedding} output,
 *     the sequence injected at every level
 * @param hiddenSize {@code hidden-size}: the paper's {@code nhid}, hidden channels besides the output channels
 * @param outputSize {@code output-size}: the paper's {@code nout}, the last channels of the state, read by the head
 * @param numLevels {@code num-levels}: levels (depth); all share one weight set
 * @param dilations {@code dilations}: level {@code i} uses {@code dilations[i mod size]}
 * @param dropout {@code dropout}: dropout on the pooled features before the classifier
 * @param inputDropout {@code input-dropout}: element-wise dropout on the injected sequence
 * @param hiddenDropout {@code hidden-dropout}: variational dropout on the hidden input of every level, one mask
 *     per sequence shared by all steps and levels
 * @param weightDropout {@code weight-dropout}: temporal DropConnect on the {@code t - d} tap of both weights
 * @param weightNorm {@code weight-norm}: reparameterise both weights as {@code g v / |v|}
 * @param initStd {@code init-std}: standard deviation of the normal initialisation of {@code v} and the bias
 * @param pooling {@code pooling}: {@code last} (the paper) or {@code mean} over time
 * @param allowPartialReceptiveField {@code allow-partial-receptive-field}: accept dilations whose receptive field
 *     is shorter than the sequence
 * @param levelPath {@code level-path}: {@code auto} computes only the last step's causal cone when {@code pooling =
 *     last} (exact there), {@code full} every position of every level
 */
public record TrellisNetConfig(
        int embeddingSize,
        int hiddenSize,
        int outputSize,
        int numLevels,
        List<Integer> dilations,
        float dropout,
        float inputDropout,
        float hiddenDropout,
        float weightDropout,
        boolean weightNorm,
        float initStd,
        Pooling pooling,
        boolean allowPartialReceptiveField,
        LevelPath levelPath) {

    /** The convolution taps: every level sees {@code t - d} and {@code t}. */
    public static final int KERNEL_SIZE = 2;

    /** Gates per state channel: input, output, candidate, forget. */
    public static final int GATES = 4;

    /** Copies the dilation list. */
    public TrellisNetConfig {
        dilations = List.copyOf(dilations);
    }

    /**
     * Reads and validates the configuration for a task, gathering every problem into one exception.
     *
     * @param config the provider's block with the variant merged
     * @param task the task (its length must be covered by the receptive field)
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    public static TrellisNetConfig from(Config config, TaskSpec task) {
        ConfigProblems read = new ConfigProblems(config, TrellisNetProvider.ID);
        TrellisNetConfig result = new TrellisNetConfig(
                read.intAtLeast("embedding-size", 1),
                read.intAtLeast("hidden-size", 0),
                read.intAtLeast("output-size", 1),
                read.intAtLeast("num-levels", 1),
                read.intList("dilations", 1),
                read.rate("dropout"),
                read.rate("input-dropout"),
                read.rate("hidden-dropout"),
                read.rate("weight-dropout"),
                read.bool("weight-norm"),
                read.positive("init-std"),
                read.choice("pooling", Pooling.class),
                read.bool("allow-partial-receptive-field"),
                read.choice("level-path", LevelPath.class));
        if (read.ok() && !result.allowPartialReceptiveField
                && result.receptiveField() < task.sequenceLength()) {
            read.add("the receptive field " + result.receptiveField() + " (1 + the sum of the dilations over "
                    + result.numLevels + " levels, " + read.name("dilations") + " = " + result.dilations
                    + ") is shorter than the sequence length " + task.sequenceLength() + " of task " + task.name()
                    + ": the last step would not see the whole sequence; add levels or dilations, or set "
                    + read.name("allow-partial-receptive-field") + " = true");
        }
        read.throwIfAny();
        return result;
    }

    /** Returns whether the levels compute only the causal cone of the last step (auto path, last pooling). */
    public boolean usesCausalCone() {
        return levelPath == LevelPath.AUTO && pooling == Pooling.LAST;
    }

    /** Returns H, the width of the state: {@code hidden-size + output-size}. */
    public int stateSize() {
        return hiddenSize + outputSize;
    }

    /**
     * Returns the dilation of a level.
     *
     * @param level the level, from 0
     * @return {@code dilations[level mod size]}
     */
    public int dilation(int level) {
        return dilations.get(level % dilations.size());
    }

    /** Returns the receptive field of the last step: {@code 1 + sum over levels of (k - 1) * d_i}. */
    public long receptiveField() {
        long field = 1;
        for (int level = 0; level < numLevels; level++) {
            field += (long) (KERNEL_SIZE - 1) * dilation(level);
        }
        return field;
    }

    /** Returns how many different dilations the levels use (each needs one input-injection convolution). */
    public int distinctDilations() {
        TreeSet<Integer> used = new TreeSet<>();
        for (int level = 0; level < numLevels; level++) {
            used.add(dilation(level));
        }
        return used.size();
    }

    /**
     * Returns the forward FLOPs for one sequence (a multiply-add counts 2; element-wise gate arithmetic is not
     * counted, as in models.md §9): the input projection (continuous inputs), one two-tap injection convolution
     * per distinct dilation, {@code num-levels - 1} two-tap hidden convolutions (the first level's hidden input is
     * the zero initial state, so that convolution is skipped), and the classifier. On the causal-cone path
     * ({@link #usesCausalCone()}) level {@code i} computes its injection and hidden convolutions at the {@link
     * CausalCone} positions alone, and the injection is no longer shared between levels of one dilation.
     *
     * @param task the task
     * @return the FLOPs
     */
    public long forwardFlops(TaskSpec task) {
        long length = task.sequenceLength();
        long gates = (long) GATES * stateSize();
        long embedding = task.isTokenInput() ? 0 : 2L * length * task.channels() * embeddingSize;
        long injection;
        long hidden;
        if (usesCausalCone()) {
            CausalCone cone = CausalCone.ofLastStep(this, task.sequenceLength());
            injection = cone.total() * 2L * KERNEL_SIZE * embeddingSize * gates;
            hidden = (cone.total() - cone.size(0)) * 2L * KERNEL_SIZE * stateSize() * gates;
        } else {
            injection = distinctDilations() * 2L * length * KERNEL_SIZE * embeddingSize * gates;
            hidden = (numLevels - 1L) * 2L * length * KERNEL_SIZE * stateSize() * gates;
        }
        long head = 2L * outputSize * task.numClasses();
        return embedding + injection + hidden + head;
    }

    /**
     * Returns the number of trainable parameters, independent of {@code num-levels} (one weight set serves every
     * level).
     *
     * @param task the task
     * @return the parameter count
     */
    public long parameterCount(TaskSpec task) {
        long gates = (long) GATES * stateSize();
        long embedding = (task.isTokenInput()
                        ? (long) task.vocabularySize() * embeddingSize
                        : (long) task.channels() * embeddingSize + embeddingSize)
                + (long) task.sequenceLength() * embeddingSize;
        long injection = KERNEL_SIZE * embeddingSize * gates + (weightNorm ? gates : 0);
        long hidden = KERNEL_SIZE * (long) stateSize() * gates + (weightNorm ? gates : 0) + gates;
        long head = (long) outputSize * task.numClasses() + task.numClasses();
        return embedding + injection + hidden + head;
    }
}
