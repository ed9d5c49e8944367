package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Pooling and subsampling of channels-last grids {@code (B, H, W, C)} from reshapes, slices and one-axis reductions,
 * which have the same gradients on every engine.
 */
final class GridPooling {

    private GridPooling() {}

    /**
     * Returns the {@code f × f} max-pool with stride {@code f} (a trailing row or column that does not fill a window
     * is dropped, as PyTorch's floor mode does).
     *
     * @param x {@code (B, H, W, C)}
     * @param factor f; 1 returns {@code x}
     * @return {@code (B, ⌊H/f⌋, ⌊W/f⌋, C)}
     */
    static NDArray max(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        Shape s = x.getShape();
        long height = s.get(1) / factor;
        long width = s.get(2) / factor;
        NDArray whole = s.get(1) % factor == 0 && s.get(2) % factor == 0
                ? x : x.get(":, :" + height * factor + ", :" + width * factor + ", :");
        return whole.reshape(s.get(0), height, factor, width, factor, s.get(3)).max(new int[] {4}).max(new int[] {2});
    }

    /** Returns the shape {@link #max} gives. */
    static Shape maxShape(Shape input, int factor) {
        return new Shape(input.get(0), input.get(1) / factor, input.get(2) / factor, input.get(3));
    }

    /**
     * Returns every {@code f}-th row and column starting at 0, {@code x[:, ::f, ::f, :]}.
     *
     * @param x {@code (B, H, W, C)}
     * @param factor f; 1 returns {@code x}
     * @return {@code (B, ⌈H/f⌉, ⌈W/f⌉, C)}
     */
    static NDArray subsample(NDArray x, int factor) {
        return factor == 1 ? x : x.get(":, ::" + factor + ", ::" + factor + ", :");
    }
}
