package io.github.lrabench.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.lrabench.models.recurrent.LipschitzMatrices;
import io.github.lrabench.models.recurrent.LipschitzRecurrence;
import io.github.lrabench.models.recurrent.LipschitzRnnConfig;
import io.github.lrabench.models.recurrent.LipschitzRnnProvider;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LipschitzRNN's recurrence ({@link LipschitzRecurrence}: {@code s' = s(I + εAᵀ) + tanh(s εWᵀ + u_t)} for Euler)
 * over {@value #STEPS} steps of a {@code (B, N)} state, reported per step ({@code @OperationsPerInvocation}); the
 * per-sequence set-up (building A_β and W_β) is spread over the steps. Solver, ε, β, γ and N are the {@code cpu}
 * variant's. The loop is bound by per-op dispatch: compare with the ~5 ops per Euler step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class LipschitzStepBenchmark {

    /** Steps per invocation. */
    public static final int STEPS = 128;

    /** The DJL engine. */
    @Param({"PyTorch"})
    public String engine;

    /** B. */
    @Param({"32"})
    public int batch;

    private LipschitzRnnConfig config;
    private NDManager manager;
    private NDArray freeA;
    private NDArray freeW;
    private Function<NDManager, NDArray> inputs;
    private LipschitzRecurrence recurrence;

    /** Draws the free matrices and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
        config = LipschitzRnnConfig.from(ModelSetups.model(LipschitzRnnProvider.ID, "cpu", ""));
        int n = config.hiddenSize();
        manager = Engines.open(engine, 0);
        float std = config.initStd() / n;
        freeA = manager.randomNormal(0f, std, new Shape(n, n), ai.djl.ndarray.types.DataType.FLOAT32);
        freeW = manager.randomNormal(0f, std, new Shape(n, n), ai.djl.ndarray.types.DataType.FLOAT32);
        freeA.setRequiresGradient(true);
        freeW.setRequiresGradient(true);
        inputs = BlockHarness.floats(new Shape(batch, STEPS, n), 0);
        recurrence = new LipschitzRecurrence(config.solver(), config.stepSize());
    }

    /** Releases the arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /**
     * Times the recurrence's forward steps.
     *
     * @return the final state's size
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long forwardStep() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out = run(step);
            Engines.waitAll(engine);
            return out.size();
        }
    }

    /**
     * Times the recurrence's forward plus backward steps.
     *
     * @return the final state's size
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long forwardBackwardStep() {
        try (NDManager step = manager.newSubManager()) {
            long size;
            try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                NDArray out = run(step);
                size = out.size();
                collector.backward(out.mean());
            }
            Engines.waitAll(engine);
            return size;
        }
    }

    private NDArray run(NDManager step) {
        NDArray u = inputs.apply(step);
        NDArray a = LipschitzMatrices.build(u, freeA, config.beta(), config.gamma());
        NDArray w = LipschitzMatrices.build(u, freeW, config.beta(), config.gamma());
        NDArray h0 = step.zeros(new Shape(batch, config.hiddenSize()));
        return recurrence.run(u, h0, a, w);
    }
}
