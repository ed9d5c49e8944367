package io.github.lrabench.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;

/**
 * Builds DJL {@link ArrayDataset}s from encoded splits: the whole split becomes one data array and one label array
 * in the given manager, and batches are cut from them by index (DJL's bulk path, no per-record stacking).
 *
 * <p>Data: int32 {@code (N, 1024)} tokens or float32 {@code (N, 1024, 3)} features; labels: int32 {@code (N)}.
 * The arrays live as long as {@code manager}; close it when the dataset is no longer needed.
 */
public final class DjlDatasets {

    private DjlDatasets() {}

    /**
     * Returns a dataset with the given sampler.
     *
     * @param manager owns the data and label arrays
     * @param split the encoded split
     * @param sampler the batch sampler, e.g. an {@link EpochSampler}
     * @return the dataset
     */
    public static ArrayDataset create(NDManager manager, EncodedSplit split, EpochSampler sampler) {
        return new ArrayDataset.Builder()
                .setData(data(manager, split))
                .optLabels(labels(manager, split))
                .setSampling(sampler)
                .build();
    }

    /**
     * Returns a training dataset: examples shuffled each epoch from the run seed.
     *
     * @param manager owns the arrays
     * @param split the encoded split
     * @param batchSize examples per batch
     * @param dropLast whether a last, smaller batch is dropped
     * @param seed the run seed
     * @return the dataset
     */
    public static ArrayDataset training(NDManager manager, EncodedSplit split, int batchSize, boolean dropLast,
            long seed) {
        return create(manager, split, new EpochSampler(batchSize, dropLast, EpochSampler.Shuffle.EXAMPLES, seed));
    }

    /**
     * Returns an evaluation dataset: batches in order.
     *
     * @param manager owns the arrays
     * @param split the encoded split
     * @param batchSize examples per batch
     * @param dropLast whether a last, smaller batch is dropped (LRA drops it)
     * @return the dataset
     */
    public static ArrayDataset evaluation(NDManager manager, EncodedSplit split, int batchSize, boolean dropLast) {
        return create(manager, split, new EpochSampler(batchSize, dropLast, EpochSampler.Shuffle.NONE, 0));
    }

    /**
     * Returns the split's sequences as one array.
     *
     * @param manager owns the array
     * @param split the encoded split
     * @return int32 {@code (N, 1024)} or float32 {@code (N, 1024, 3)}
     */
    public static NDArray data(NDManager manager, EncodedSplit split) {
        return split.isTokens()
                ? manager.create(split.tokens(), split.shape())
                : manager.create(split.features(), split.shape());
    }

    /**
     * Returns the split's labels as one array.
     *
     * @param manager owns the array
     * @param split the encoded split
     * @return int32 {@code (N)}
     */
    public static NDArray labels(NDManager manager, EncodedSplit split) {
        return manager.create(split.labels());
    }
}
