package io.github.lrabench.benchmarks;

import ai.djl.ndarray.types.Shape;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.models.recurrent.TrellisNetConfig;
import io.github.lrabench.models.recurrent.TrellisNetProvider;
import io.github.lrabench.models.recurrent.TrellisStack;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TrellisNet's weight-tied levels ({@link TrellisStack}: two-tap dilated convolution as one GEMM per level, LSTM-style
 * gates) on the injected sequence {@code (B, L, embedding)}, at the {@code cpu} variant's widths with {@code levels}
 * levels (dilations from the variant, cycled). The first level skips the hidden-state convolution (the state starts
 * at zero), so one full level costs about {@code (t(10) - t(1)) / 9}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class TrellisLevelBenchmark extends BlockBenchmark {

    /** The DJL engine. */
    @Param({"PyTorch"})
    public String engine;

    /** Levels run (the cpu variant has 10). */
    @Param({"1", "10"})
    public int levels;

    /** L. */
    @Param({"1024"})
    public int length;

    /** B. */
    @Param({"32"})
    public int batch;

    /** Builds and initialises the levels. */
    @Setup(Level.Trial)
    public void setUp() {
        TaskSpec task = ModelSetups.task("scifar", length);
        TrellisNetConfig config = TrellisNetConfig.from(ModelSetups.model(TrellisNetProvider.ID, "cpu",
                "num-levels = " + levels + ", allow-partial-receptive-field = true"), task);
        harness = BlockHarness.of(engine, new TrellisStack(config),
                new Shape(batch, length, config.embeddingSize()), 0);
    }
}
