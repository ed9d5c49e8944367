package io.github.lrabench.benchmarks;

import ai.djl.ndarray.types.Shape;
import io.github.lrabench.models.attention.ConvPath;
import io.github.lrabench.models.attention.MultiHeadAttention;
import io.github.lrabench.models.attention.NystromAttention;
import io.github.lrabench.models.attention.NystromKernelSpec;
import io.github.lrabench.models.attention.PseudoInverse;
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
 * Multi-head Nyström attention (segment-mean landmarks, three softmax kernels, iterative pseudo-inverse, depthwise
 * convolution on V) on {@code (B, L, d)}: linear in L. Defaults are the nystromformer's {@code cpu} variant (d 64,
 * 2 heads of 32, 32 landmarks, 6 iterations from the per-matrix start, convolution 35), with the convolution
 * computed by {@code Conv2d} and as banded products ({@code conv-path}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class NystromAttentionBenchmark extends BlockBenchmark {

    /** The DJL engine. */
    @Param({"PyTorch"})
    public String engine;

    /** L; must be a multiple of the landmark count. */
    @Param({"256", "1024"})
    public int length;

    /** B. */
    @Param({"8"})
    public int batch;

    /** d. */
    @Param({"64"})
    public int embedding;

    /** H. */
    @Param({"2"})
    public int heads;

    /** dh. */
    @Param({"32"})
    public int headSize;

    /** ℓ, the landmarks. */
    @Param({"32"})
    public int landmarks;

    /** Pseudo-inverse iterations. */
    @Param({"6"})
    public int iterations;

    /** The depthwise convolution's kernel on V (0: none). */
    @Param({"35"})
    public int convKernel;

    /** How the convolution is computed ({@code conv-path}: {@code conv2d}, {@code banded} or {@code auto}). */
    @Param({"conv2d", "banded"})
    public String convPath;

    /** Builds and initialises the block. */
    @Setup(Level.Trial)
    public void setUp() {
        NystromKernelSpec spec = new NystromKernelSpec(landmarks, iterations, PseudoInverse.Init.PER_MATRIX,
                convKernel, ConvPath.valueOf(convPath.toUpperCase(java.util.Locale.ROOT)));
        harness = BlockHarness.of(engine, new MultiHeadAttention(embedding, heads, headSize, true,
                new NystromAttention(heads, spec)), new Shape(batch, length, embedding), 0);
    }
}
