package io.github.lrabench.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The causal-cone path of TrellisNet ({@code level-path = auto} with {@code pooling = last}) gives the logits and
 * the gradient of every parameter of the full computation, computes the cone's positions and nothing else, and is
 * used only where it is exact.
 */
class TrellisNetCausalConeTest {

    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);
    private static final TaskSpec TINY = new TaskSpec("tiny", 16, 3, 0, 3);
    private static final int BATCH = 3;

    @ParameterizedTest(name = "{0}, dilations {1}")
    @CsvSource(delimiter = ';', value = {
        "PyTorch; [1, 1, 2, 4, 8]; false", "PyTorch; [1, 2, 3]; true", "PyTorch; [2, 1, 4]; true",
        "MXNet; [1, 1, 2, 4, 8]; false", "MXNet; [1, 2, 3]; true"})
    void coneGivesTheFullLogitsAndGradients(String engine, String dilations, boolean partial) {
        String shape = "embedding-size = 4, hidden-size = 3, output-size = 2, num-levels = 5, dilations = "
                + dilations + ", allow-partial-receptive-field = " + partial;
        TrellisNetBlock fast = block(shape + ", level-path = auto");
        TrellisNetBlock slow = block(shape + ", level-path = full");
        assertThat(fast.usesCausalCone()).isTrue();
        assertThat(slow.usesCausalCone()).isFalse();
        try (Model slowModel = TestModels.model(slow, TINY.inputShape(BATCH), engine, 3);
                Model fastModel = TestModels.model(fast, TINY.inputShape(BATCH), engine, 4);
                NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            copyParameters(slowModel.getBlock(), fastModel.getBlock());
            List<float[]> expected = logitsAndGradients(engine, manager, slow);
            List<float[]> actual = logitsAndGradients(engine, manager, fast);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(TestModels.maxAbsDifference(actual.get(i), expected.get(i)))
                        .as("%s %s, array %d (0: logits, then the parameters' gradients)", engine, dilations, i)
                        .isLessThan(1e-5);
            }
            // the check can fail: the hidden weight's gradient is not zero
            float[] hidden = expected.get(1 + parameterIndex(slow, "hiddenDirection"));
            assertThat(TestModels.maxAbsDifference(hidden, new float[hidden.length])).isGreaterThan(1e-4);
        }
    }

    @Test
    void theConeOfTheCpuVariantHalvesAtEveryLevelBelowTheTop() {
        TrellisNetConfig cpu = TrellisNetConfig.from(TestModels.variant(TrellisNetProvider.ID, "cpu"), LRA_IMAGE);
        CausalCone cone = CausalCone.ofLastStep(cpu, 1024);
        for (int level = 0; level < 10; level++) {
            assertThat(cone.size(level)).as("level %d", level).isEqualTo(1024 >> (level + 1));
        }
        assertThat(cone.total()).isEqualTo(1023);
        assertThat(cone.positions(9)).containsExactly(1023);
        assertThat(cone.positions(8)).containsExactly(511, 1023);
        // the paper's dilations 1, 1, 2, ..., 512: level 0 needs every position, then 512, 256, ...
        TrellisNetConfig paper = TrellisNetConfig.from(TestModels.variant(TrellisNetProvider.ID, "paper"),
                LRA_IMAGE);
        CausalCone paperCone = CausalCone.ofLastStep(paper, 1024);
        assertThat(paperCone.size(0)).isEqualTo(1024);
        assertThat(paperCone.total()).isEqualTo(2047);
    }

    @Test
    void flopsCountTheConeAndTheConeIsUsedOnlyUnderLastPooling() {
        Config cpu = TestModels.variant(TrellisNetProvider.ID, "cpu");
        TrellisNetConfig auto = TrellisNetConfig.from(cpu, LRA_IMAGE);
        TrellisNetConfig full = TrellisNetConfig.from(ConfigFactory.parseString("level-path = full").withFallback(cpu),
                LRA_IMAGE);
        TrellisNetConfig mean = TrellisNetConfig.from(ConfigFactory.parseString("pooling = mean").withFallback(cpu),
                LRA_IMAGE);
        assertThat(auto.usesCausalCone()).isTrue();
        assertThat(full.usesCausalCone()).isFalse();
        assertThat(mean.usesCausalCone()).isFalse();
        long gates = 4 * 16;
        // 1,023 level-positions each with an injection (2 taps x 8 channels); all but level 0's 512 a hidden one
        long expected = 1023 * 2L * 2 * 8 * gates + (1023 - 512) * 2L * 2 * 16 * gates + 2L * 10 * 10;
        assertThat(auto.forwardFlops(LRA_IMAGE)).isEqualTo(expected);
        assertThat((double) auto.forwardFlops(LRA_IMAGE) / full.forwardFlops(LRA_IMAGE)).isBetween(0.05, 0.12);
        assertThat(mean.forwardFlops(LRA_IMAGE)).isEqualTo(full.forwardFlops(LRA_IMAGE));
    }

    private static TrellisNetBlock block(String overrides) {
        Config config = TestModels.config(TrellisNetProvider.ID, overrides);
        return new TrellisNetBlock(TINY, TrellisNetConfig.from(config, TINY));
    }

    private static void copyParameters(ai.djl.nn.Block from, ai.djl.nn.Block to) {
        var source = from.getParameters();
        var target = to.getParameters();
        for (int i = 0; i < source.size(); i++) {
            target.valueAt(i).getArray().set(source.valueAt(i).getArray().toFloatArray());
        }
    }

    private static int parameterIndex(TrellisNetBlock block, String suffix) {
        var parameters = block.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.keyAt(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError("no parameter ending in " + suffix);
    }

    private static List<float[]> logitsAndGradients(String engine, NDManager manager, TrellisNetBlock block) {
        Random random = new Random(5);
        float[] values = new float[BATCH * 16 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        NDArray x = manager.create(values, TINY.inputShape(BATCH));
        float[] weights = new float[BATCH * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        NDArray r = manager.create(weights, new Shape(BATCH, 3));
        List<float[]> results = new ArrayList<>();
        try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
            results.add(logits.toFloatArray());
            collector.backward(logits.mul(r).sum());
        }
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            results.add(parameter.getValue().getArray().getGradient().toFloatArray());
        }
        return results;
    }
}
