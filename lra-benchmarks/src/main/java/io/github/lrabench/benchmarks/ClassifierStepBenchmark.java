package io.github.lrabench.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.github.lrabench.api.ModelRegistry;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
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
 * A whole classifier found through the SPI ({@link ModelRegistry}), at a variant and a (short) length: forward in
 * inference mode, and forward plus backward of the mean logit. Reaches every model, including blocks that are
 * package-private in their modules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DDJL_DISABLE_PROGRESS_BAR=true"})
public class ClassifierStepBenchmark extends BlockBenchmark {

    /** The DJL engine. */
    @Param({"PyTorch"})
    public String engine;

    /** The provider id. */
    @Param({"fnet", "transformer", "nystromformer", "pit", "trellisnet", "lipschitzrnn"})
    public String model;

    /** The model variant. */
    @Param({"cpu"})
    public String variant;

    /** {@code lra-image} (tokens) or {@code scifar} (RGB floats). */
    @Param({"lra-image"})
    public String protocol;

    /** L. */
    @Param({"256"})
    public int length;

    /** B. */
    @Param({"8"})
    public int batch;

    /** Builds and initialises the classifier. */
    @Setup(Level.Trial)
    public void setUp() {
        TaskSpec task = ModelSetups.task(protocol, length);
        SequenceClassifier classifier;
        try (ModelRegistry registry = ModelRegistry.load(ClassifierStepBenchmark.class.getClassLoader())) {
            classifier = registry.get(model).create(task, ModelSetups.model(model, variant, ""));
        }
        NDManager manager = Engines.open(engine, 0);
        try {
            classifier.block().initialize(manager, DataType.FLOAT32, task.inputShape(batch));
            harness = new BlockHarness(engine, manager, classifier.block(), task.isTokenInput()
                    ? BlockHarness.tokens(task.inputShape(batch), task.vocabularySize(), 0)
                    : BlockHarness.floats(task.inputShape(batch), 0), false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
