package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.lrabench.api.BatchOps;
import io.github.lrabench.api.TaskSpec;

/**
 * Lays a pixel sequence back out on its square grid, the inverse of the row-major reading every encoding uses:
 * step {@code t} is the pixel in row {@code t / S}, column {@code t % S} (under a permuted protocol the steps are
 * already shuffled, and the grid is the shuffled one).
 *
 * <p>Grids are channels-last: continuous inputs {@code (B, L, C)} become {@code (B, S, S, C)} (a reshape, no copy
 * of the order). Token inputs {@code (B, L)} are scaled to floats, {@code token / (V − 1)} in {@code [0, 1]}, and
 * become one channel {@code (B, S, S, 1)}: the network
 * sees grey levels as an image CNN does, without an embedding table.
 */
final class ImageGrid {

    private ImageGrid() {}

    /**
     * Returns the side {@code S} of the square grid of a task.
     *
     * @param task the task
     * @return {@code S} with {@code S² = L}
     * @throws IllegalArgumentException when {@code L} is not a perfect square, naming {@code L} and its neighbours
     */
    static int side(TaskSpec task) {
        int length = task.sequenceLength();
        int side = (int) Math.round(Math.sqrt(length));
        if (side * side != length) {
            int below = (int) Math.floor(Math.sqrt(length));
            throw new IllegalArgumentException("cnn lays the sequence out on a square grid, but task " + task.name()
                    + " has sequence length L = " + length + ", not a perfect square (" + below + "² = "
                    + below * below + " < " + length + " < " + (below + 1) * (below + 1) + " = " + (below + 1)
                    + "²)");
        }
        return side;
    }

    /** Returns the input channels of the grid: 1 for tokens, {@code C} for continuous inputs. */
    static int channels(TaskSpec task) {
        return task.isTokenInput() ? 1 : task.channels();
    }

    /**
     * Turns a batch of sequences into a batch of grids.
     *
     * @param x {@code (B, L)} tokens or {@code (B, L, C)} floats, already checked against the task
     * @param task the task
     * @param side {@code S}
     * @return {@code (B, S, S, C')} float32, in the manager of {@code x}
     */
    static NDArray toGrid(NDArray x, TaskSpec task, int side) {
        long batch = x.getShape().get(0);
        if (task.isTokenInput()) {
            NDArray grey = BatchOps.scale(x.toType(DataType.FLOAT32, false), 1f / Math.max(1, task.vocabularySize() - 1));
            return grey.reshape(batch, side, side, 1);
        }
        return x.reshape(batch, side, side, task.channels());
    }
}
