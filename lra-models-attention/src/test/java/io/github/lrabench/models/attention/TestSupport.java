package io.github.lrabench.models.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;

/** Small helpers shared by this module's tests. */
final class TestSupport {

    private TestSupport() {}

    /** Returns a new base manager of an engine ({@code PyTorch} or {@code MXNet}). */
    static NDManager manager(String engine) {
        return Engine.getEngine(engine).newBaseManager();
    }

    /** Returns {@code n} seeded Gaussian values times {@code scale}. */
    static float[] gaussian(long seed, int n, double scale) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    /** Creates a float array of a shape from values. */
    static NDArray array(NDManager manager, float[] values, long... shape) {
        return manager.create(values, new Shape(shape));
    }

    /** Initialises a block and overwrites every parameter with seeded Gaussian values (std 0.5). */
    static void initializeWithSeededValues(Block block, NDManager manager, long seed, Shape... inputShapes) {
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        long next = seed;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            array.set(gaussian(next++, Math.toIntExact(array.getShape().size()), 0.5));
        }
    }

    /** Runs a forward pass in inference mode and returns the first output. */
    static NDArray forward(Block block, NDManager manager, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false).head();
    }

    /** Returns the largest absolute difference of two equally long arrays. */
    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
