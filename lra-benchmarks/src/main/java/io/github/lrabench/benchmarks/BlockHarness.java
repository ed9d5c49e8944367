package io.github.lrabench.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs one initialised DJL block on a fixed input: a forward pass in inference mode, or a training forward pass
 * plus backward of the output's mean. Each call works in its own sub-manager, closed at the end, so that nothing
 * accumulates between invocations; the input is copied in from the host before the block runs.
 */
final class BlockHarness implements AutoCloseable {

    private final String engine;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;
    private final Function<NDManager, NDArray> input;
    private final boolean inputGradient;

    /**
     * Wraps a block that is already initialised in {@code manager}.
     *
     * @param engine the engine name
     * @param manager the manager holding the block's parameters (closed by {@link #close})
     * @param block the initialised block
     * @param input makes the input in a step's manager
     * @param inputGradient whether the backward pass also computes the input's gradient (needed for blocks
     *     without trainable parameters)
     */
    BlockHarness(String engine, NDManager manager, Block block, Function<NDManager, NDArray> input,
            boolean inputGradient) {
        this.engine = engine;
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
        this.input = input;
        this.inputGradient = inputGradient;
    }

    /**
     * Initialises a block for a float input of one shape and wraps it.
     *
     * @param engine the engine name
     * @param block the uninitialised block
     * @param shape the input shape
     * @param seed seed of the initialisation and the input
     * @return the harness
     */
    static BlockHarness of(String engine, Block block, Shape shape, int seed) {
        NDManager manager = Engines.open(engine, seed);
        block.initialize(manager, DataType.FLOAT32, shape);
        return new BlockHarness(engine, manager, block, floats(shape, seed), false);
    }

    /**
     * Returns a maker of standard-normal float inputs (drawn once on the host).
     *
     * @param shape the shape
     * @param seed the seed
     * @return the maker
     */
    static Function<NDManager, NDArray> floats(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return m -> m.create(values, shape);
    }

    /**
     * Returns a maker of int32 token inputs in {@code [0, vocabulary)} (drawn once on the host).
     *
     * @param shape the shape
     * @param vocabulary the vocabulary size
     * @param seed the seed
     * @return the maker
     */
    static Function<NDManager, NDArray> tokens(Shape shape, int vocabulary, long seed) {
        int[] values = new SplittableRandom(seed).ints(Math.toIntExact(shape.size()), 0, vocabulary).toArray();
        return m -> m.create(values, shape);
    }

    /**
     * Runs a forward pass in inference mode.
     *
     * @return the output's element count (for JMH to consume)
     */
    long forward() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out = block.forward(store, new NDList(input.apply(step)), false).head();
            Engines.waitAll(engine);
            return out.size();
        }
    }

    /**
     * Runs a training forward pass and the backward pass of the output's mean.
     *
     * @return the output's element count (for JMH to consume)
     */
    long forwardBackward() {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = input.apply(step);
            if (inputGradient) {
                x.setRequiresGradient(true);
            }
            long size;
            try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                NDArray out = block.forward(store, new NDList(x), true).head();
                size = out.size();
                collector.backward(out.mean());
            }
            Engines.waitAll(engine);
            return size;
        }
    }

    /** Closes the manager with the block's parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
