package io.github.lrabench.models.fourier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Fills a fixed matrix of the real DFT, so that {@code Re(F_L X F_d) = C_L X C_d − S_L X S_d} becomes two real
 * matrix products, with {@code C_N[j,k] = cos(2πjk/N)} and {@code S_N[j,k] = sin(2πjk/N)} (both symmetric).
 *
 * <p>The values are computed in double precision, with {@code jk} reduced modulo {@code N} before the angle is
 * formed, and then cast to the parameter's type.
 *
 * @param layout which of the two stacked matrices to build
 */
record DftMatrixInitializer(Layout layout) implements Initializer {

    /** The two stacked matrices used by {@link FourierMixing#viaDft}. */
    enum Layout {

        /** {@code [C_d | S_d]}, shape {@code (d, 2d)}: multiplies the hidden axis from the right. */
        HIDDEN,

        /** {@code [C_L ; −S_L]}, shape {@code (2L, L)}: multiplies the stacked, transposed sequence axis. */
        SEQUENCE;

        /**
         * Returns the shape of this layout for size {@code n}.
         *
         * @param n the transform length
         * @return {@code (n, 2n)} or {@code (2n, n)}
         */
        Shape shape(int n) {
            return this == HIDDEN ? new Shape(n, 2L * n) : new Shape(2L * n, n);
        }
    }

    /** {@inheritDoc} */
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int n = shape.dimension() == 2 ? (int) Math.min(shape.get(0), shape.get(1)) : 0;
        if (n < 1 || !layout.shape(n).equals(shape)) {
            throw new IllegalArgumentException("a " + layout + " DFT matrix has shape " + layout.shape(n)
                    + " for some n, not " + shape);
        }
        if (dataType == DataType.FLOAT64) {
            return manager.create(values(layout, n), shape);
        }
        return create(manager, floatValues(layout, n), shape, dataType);
    }

    /**
     * Creates an array from single-precision values, cast to a type.
     *
     * @param manager where the array lives
     * @param values the row-major values
     * @param shape the shape
     * @param dataType the wanted type
     * @return the array, in {@code manager}
     */
    static NDArray create(NDManager manager, float[] values, Shape shape, DataType dataType) {
        NDArray array = manager.create(values, shape);
        if (dataType == DataType.FLOAT32) {
            return array;
        }
        NDArray cast = array.toType(dataType, true);
        array.close();
        return cast;
    }

    /**
     * Returns the row-major values of a stacked DFT matrix, computed in double precision and rounded to float.
     *
     * @param layout the layout
     * @param n the transform length
     * @return {@code 2n²} values
     */
    static float[] floatValues(Layout layout, int n) {
        double[] values = values(layout, n);
        float[] single = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            single[i] = (float) values[i];
        }
        return single;
    }

    /**
     * Returns the row-major values of a stacked DFT matrix.
     *
     * @param layout the layout
     * @param n the transform length
     * @return {@code 2n²} values
     */
    static double[] values(Layout layout, int n) {
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int m = 0; m < n; m++) {
            double angle = 2 * Math.PI * m / n;
            cos[m] = Math.cos(angle);
            sin[m] = Math.sin(angle);
        }
        double[] values = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                int m = (int) ((long) j * k % n);
                if (layout == Layout.HIDDEN) {
                    values[j * 2 * n + k] = cos[m];
                    values[j * 2 * n + n + k] = sin[m];
                } else {
                    values[j * n + k] = cos[m];
                    values[(n + j) * n + k] = -sin[m];
                }
            }
        }
        return values;
    }
}
