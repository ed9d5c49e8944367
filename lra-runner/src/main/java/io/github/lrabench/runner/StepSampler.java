package io.github.lrabench.runner;

import io.github.lrabench.dataset.Permutations;
import java.util.Arrays;

/**
 * Which training sequences form the batch of a step: each epoch is a fresh permutation derived from the run seed
 * and the epoch number, cut into full batches (the remainder is dropped, as LRA does). A resumed trial therefore
 * sees exactly the batches it would have seen without the interruption. Unlike the dataset module's DJL sampler
 * ({@link io.github.lrabench.dataset.EpochSampler}, which yields whole epochs), it is indexed by optimiser step,
 * which is what a resumable step loop needs; both draw the same permutations ({@link Permutations}).
 */
public final class StepSampler {

    private final long seed;
    private final int size;
    private final int batchSize;
    private int cachedEpoch = -1;
    private int[] cachedPermutation;

    /**
     * Creates the sampler.
     *
     * @param seed the run seed
     * @param size N, the number of training sequences
     * @param batchSize B
     * @throws IllegalArgumentException when the split is smaller than one batch
     */
    public StepSampler(long seed, int size, int batchSize) {
        if (size < batchSize) {
            throw new IllegalArgumentException("the training split has " + size
                    + " sequences, fewer than one batch of " + batchSize + " (lower training.batch-size)");
        }
        this.seed = seed;
        this.size = size;
        this.batchSize = batchSize;
    }

    /** Returns the number of full batches in one epoch. */
    public int stepsPerEpoch() {
        return size / batchSize;
    }

    /**
     * Returns the indices of the batch trained at a step.
     *
     * @param step the 0-based optimiser step
     * @return B indices into the training split
     */
    public int[] batch(int step) {
        int epoch = step / stepsPerEpoch();
        int position = step % stepsPerEpoch();
        if (epoch != cachedEpoch) {
            cachedPermutation = permutation(epoch);
            cachedEpoch = epoch;
        }
        return Arrays.copyOfRange(cachedPermutation, position * batchSize, (position + 1) * batchSize);
    }

    private int[] permutation(int epoch) {
        return Permutations.of(Permutations.derive(seed, epoch), size);
    }
}
