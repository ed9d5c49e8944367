package io.github.lrabench.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.models.fourier.FNetProvider;
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
 * FNet's token mixing {@code Re(F_L X F_d)} alone, on {@code (B, L, d)}, by either path: {@code fft} (the engine's
 * FFT; DJL PyTorch only) or {@code dft} (two real matrix products with cosine and sine matrices, every engine).
 * The mixing block is package-private in lra-models-fourier, so it is taken from an FNet classifier built by
 * {@link FNetProvider} (the {@code cpu} variant with {@code mixing} set, no CLS token) as its child {@code mixing}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class FourierMixingBenchmark extends BlockBenchmark {

    /** The DJL engine ({@code fft} needs PyTorch). */
    @Param({"PyTorch"})
    public String engine;

    /** {@code fft} or {@code dft}. */
    @Param({"fft", "dft"})
    public String mixing;

    /** L. */
    @Param({"256", "1024"})
    public int length;

    /** B. */
    @Param({"8"})
    public int batch;

    /** d. */
    @Param({"64"})
    public int hidden;

    /** Builds the classifier and picks its mixing block. */
    @Setup(Level.Trial)
    public void setUp() {
        TaskSpec task = ModelSetups.task("scifar", length);
        SequenceClassifier classifier = new FNetProvider().create(task, ModelSetups.model(FNetProvider.ID, "cpu",
                "mixing = " + mixing + ", hidden-size = " + hidden + ", cls-token = false, pooling = mean"));
        NDManager manager = Engines.open(engine, 0);
        try {
            classifier.block().initialize(manager, DataType.FLOAT32, task.inputShape(batch));
            Block block = child(classifier.block(), "mixing");
            Shape shape = new Shape(batch, length, hidden);
            harness = new BlockHarness(engine, manager, block, BlockHarness.floats(shape, 0), true);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Returns a child block by the name it was added under (DJL prefixes each name with its position, e.g. {@code
     * 03mixing}).
     */
    private static Block child(Block parent, String name) {
        for (ai.djl.util.Pair<String, Block> child : parent.getChildren()) {
            if (child.getKey().replaceFirst("^\\d+", "").equals(name)) {
                return child.getValue();
            }
        }
        throw new IllegalStateException("FNet's block has no child '" + name + "': " + parent);
    }
}
