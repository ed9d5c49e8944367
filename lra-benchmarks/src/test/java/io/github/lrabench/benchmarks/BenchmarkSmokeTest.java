package io.github.lrabench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every benchmark's set-up and each benchmark method once at tiny sizes, without JMH and without timing: the
 * benchmarks stay buildable and runnable as the model modules change. The real measurements are taken with {@code
 * java -jar lra-benchmarks/target/lra-benchmarks.jar}, never by the build.
 */
class BenchmarkSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void softmaxAttention(String engine) {
        SoftmaxAttentionBenchmark b = new SoftmaxAttentionBenchmark();
        b.engine = engine;
        b.length = 16;
        b.batch = 2;
        b.embedding = 8;
        b.heads = "2x4";
        b.slice = 3;
        assertBothPassesReturn(b, b::setUp, 2 * 16 * 8);
    }

    @Test
    void nystromAttention() {
        NystromAttentionBenchmark b = new NystromAttentionBenchmark();
        b.engine = "PyTorch";
        b.length = 16;
        b.batch = 2;
        b.embedding = 8;
        b.heads = 2;
        b.headSize = 4;
        b.landmarks = 4;
        b.iterations = 2;
        b.convKernel = 3;
        b.convPath = "banded";
        assertBothPassesReturn(b, b::setUp, 2 * 16 * 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fft", "dft"})
    void fourierMixing(String mixing) {
        FourierMixingBenchmark b = new FourierMixingBenchmark();
        b.engine = "PyTorch";
        b.mixing = mixing;
        b.length = 16;
        b.batch = 2;
        b.hidden = 8;
        assertBothPassesReturn(b, b::setUp, 2 * 16 * 8);
    }

    @Test
    void trellisLevels() {
        TrellisLevelBenchmark b = new TrellisLevelBenchmark();
        b.engine = "PyTorch";
        b.levels = 2;
        b.length = 16;
        b.batch = 2;
        b.setUp();
        try {
            assertThat(b.forward()).isPositive();
            assertThat(b.forwardBackward()).isPositive();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void lipschitzSteps() {
        LipschitzStepBenchmark b = new LipschitzStepBenchmark();
        b.engine = "PyTorch";
        b.batch = 2;
        b.setUp();
        try {
            assertThat(b.forwardStep()).isPositive();
            assertThat(b.forwardBackwardStep()).isPositive();
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fnet", "transformer", "nystromformer", "pit", "trellisnet", "lipschitzrnn"})
    void classifiers(String model) {
        ClassifierStepBenchmark b = new ClassifierStepBenchmark();
        b.engine = "PyTorch";
        b.model = model;
        b.variant = "cpu";
        b.protocol = "lra-image";
        b.length = 64;
        b.batch = 2;
        assertBothPassesReturn(b, b::setUp, 2 * 10);
    }

    /**
     * Sets a block benchmark up, checks that both timed methods return the expected output size, and tears it down.
     */
    private static void assertBothPassesReturn(BlockBenchmark b, Runnable setUp, long expectedOutputSize) {
        setUp.run();
        try {
            assertThat(b.forward()).isEqualTo(expectedOutputSize);
            assertThat(b.forwardBackward()).isEqualTo(expectedOutputSize);
        } finally {
            b.tearDown();
        }
    }
}
