package io.github.lrabench.dataset;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DJL batch sampler whose order depends only on the run seed and the epoch: epoch {@code e} is shuffled by the
 * permutation of seed {@link Permutations#derive derive(seed, e)}. No global random state is used.
 *
 * <p>DJL calls {@link #sample} once per pass ({@code dataset.getData(manager)}); each call consumes the next epoch
 * number, starting at 0 or at the epoch given to {@link #setNextEpoch} (for resuming a run).
 */
public final class EpochSampler implements Sampler {

    /** What is shuffled each epoch. */
    public enum Shuffle {
        /** Nothing: batches of consecutive indices in order (evaluation). */
        NONE,
        /** Every example: a fresh permutation of the indices each epoch, then cut into batches. */
        EXAMPLES,
        /**
         * Only the order of fixed batches of consecutive examples, as LRA's input pipeline does (batch, then shuffle
         * the batches).
         */
        BATCH_ORDER
    }

    private final int batchSize;
    private final boolean dropLast;
    private final Shuffle shuffle;
    private final long seed;
    private final AtomicInteger nextEpoch = new AtomicInteger();

    /**
     * Creates the sampler.
     *
     * @param batchSize examples per batch, {@code >= 1}
     * @param dropLast whether a last, smaller batch is dropped
     * @param shuffle what to shuffle
     * @param seed the run seed
     */
    public EpochSampler(int batchSize, boolean dropLast, Shuffle shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1 but was " + batchSize);
        }
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /**
     * Sets the epoch the next {@link #sample} call produces.
     *
     * @param epoch the epoch, {@code >= 0}
     */
    public void setNextEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0 but was " + epoch);
        }
        nextEpoch.set(epoch);
    }

    /** Returns the epoch the next {@link #sample} call produces. */
    public int nextEpoch() {
        return nextEpoch.get();
    }

    /** Returns the batches of the next epoch and advances the epoch. */
    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        return batches(nextEpoch.getAndIncrement(), Math.toIntExact(dataset.size())).iterator();
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Returns the batches of one epoch: a pure function of seed, epoch and size.
     *
     * @param epoch the epoch
     * @param size the dataset size
     * @return lists of example indices
     */
    public List<List<Long>> batches(int epoch, int size) {
        int[] order = shuffle == Shuffle.EXAMPLES
                ? Permutations.of(Permutations.derive(seed, epoch), size)
                : Permutations.identity(size);
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < size; start += batchSize) {
            int end = Math.min(size, start + batchSize);
            if (end - start < batchSize && dropLast) {
                break;
            }
            List<Long> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add((long) order[i]);
            }
            batches.add(batch);
        }
        if (shuffle == Shuffle.BATCH_ORDER) {
            int[] batchOrder = Permutations.of(Permutations.derive(seed, epoch), batches.size());
            List<List<Long>> reordered = new ArrayList<>(batches.size());
            for (int b : batchOrder) {
                reordered.add(batches.get(b));
            }
            return Collections.unmodifiableList(reordered);
        }
        return Collections.unmodifiableList(batches);
    }
}
