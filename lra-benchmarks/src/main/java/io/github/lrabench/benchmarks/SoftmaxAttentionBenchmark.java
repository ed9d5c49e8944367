package io.github.lrabench.benchmarks;

import ai.djl.ndarray.types.Shape;
import io.github.lrabench.models.attention.MultiHeadAttention;
import io.github.lrabench.models.attention.SoftmaxAttention;
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
 * Multi-head softmax attention (projections, {@code softmax(QKᵀ/√dh)V} per head, output projection) on {@code (B,
 * L, d)}: quadratic in L. Defaults are the transformer's {@code cpu} variant (d 64, one head of 32) and its
 * former two heads of 16.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class SoftmaxAttentionBenchmark extends BlockBenchmark {

    /** The DJL engine. */
    @Param({"PyTorch"})
    public String engine;

    /** L. */
    @Param({"256", "1024"})
    public int length;

    /** B. */
    @Param({"8"})
    public int batch;

    /** d. */
    @Param({"64"})
    public int embedding;

    /**
     * Heads × head size, {@code HxDH}. The default pair is the before/after of the cpu variants' change from two
     * heads of 16 to one of 32: the same FLOPs, half the {@code (B, H, L, L)} scores.
     */
    @Param({"1x32", "2x16"})
    public String heads;

    /**
     * How many of the {@code B·H} score matrices are computed at once ({@code attention-slice-size}); 0 computes
     * all of them in one op each. The default pair is the before/after of the cpu variants' slicing.
     */
    @Param({"0", "1"})
    public int slice;

    /** Builds and initialises the block. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] layout = heads.split("x");
        MultiHeadAttention attention = new MultiHeadAttention(embedding, Integer.parseInt(layout[0]),
                Integer.parseInt(layout[1]), true, new SoftmaxAttention(0f, slice));
        harness = BlockHarness.of(engine, attention, new Shape(batch, length, embedding), 0);
    }
}
