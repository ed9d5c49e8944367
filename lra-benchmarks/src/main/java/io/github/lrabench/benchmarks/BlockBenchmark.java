package io.github.lrabench.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The timing methods shared by the block benchmarks: each subclass builds {@link #harness} in its own {@code @Setup}
 * (JMH runs the inherited {@code @Benchmark} methods for every concrete subclass).
 */
public abstract class BlockBenchmark {

    /** The block under test with its inputs, built by the subclass's setup. */
    protected BlockHarness harness;

    /** Releases the arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        harness.close();
    }

    /**
     * Times one forward pass in inference mode.
     *
     * @return the output's size
     */
    @Benchmark
    public long forward() {
        return harness.forward();
    }

    /**
     * Times one forward plus backward pass (to the block's parameters and input).
     *
     * @return the output's size
     */
    @Benchmark
    public long forwardBackward() {
        return harness.forwardBackward();
    }
}
