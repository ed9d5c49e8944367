package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ParameterGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Parameter groups: resolved against a block, each trained at its own rate, weight decay off where declared. */
class ParameterGroupsTest {

    /** Three linear layers; their parameters are 01Linear_weight, 01Linear_bias, 02Linear_..., 03Linear_.... */
    private static SequentialBlock block() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Linear.builder().setUnits(4).build())
                .add(Linear.builder().setUnits(3).build());
    }

    private static TrainingSettings settings(String optimizer, double weightDecay) {
        return TrainingSettings.from(ConfigFactory.parseString("optimizer = " + optimizer + ", learning-rate = 0.01,"
                + " final-learning-rate = 0, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weight-decay = "
                + weightDecay + ", warmup-steps = 4, steps = 10, batch-size = 5, eval-batch-size = 5,"
                + " eval-every = 5, gradient-clipping { enabled = false, max-norm = 1 }, budget-minutes = 1,"
                + " budget-clock = cpu, schedule = steps, evaluations = 2, warmup-fraction = 0.1, max-epochs = null,"
                + " calibration { warmup-steps = 1, warmup-seconds = 0, steps = 2, min-seconds = 0, max-seconds = 1,"
                + " eval-samples = 8 }, micro-batch-size = 0"), "training");
    }

    @Test
    void eachGroupMovesAtItsOwnRateOnTheRunsScheduleShape() {
        TrainingSettings settings = settings("adam", 0);
        List<ParameterGroup> groups = List.of(
                new ParameterGroup("slow", "02Linear_.*", OptionalDouble.of(0.001), false),
                new ParameterGroup("frozen", "03Linear_weight", OptionalDouble.of(0), false));
        // a gradient with no zero entries: Adam's first step then moves every element by the rate (m̂ / √v̂ = ±1)
        Map<String, float[]> change = oneStep(settings, groups, y -> y.mul(y.onesLike().add(y.getManager()
                .randomUniform(0, 1, y.getShape()))).sum());
        // DJL numbers the first update 1
        float warmupFactor = new LearningRateSchedule(0.01f, 0f, 4, 10).getNewValue(1) / 0.01f;
        assertThat(warmupFactor).isEqualTo(0.5f);
        assertEveryChange(change.get("01Linear_weight"), 0.01 * warmupFactor);
        assertEveryChange(change.get("01Linear_bias"), 0.01 * warmupFactor);
        assertEveryChange(change.get("02Linear_weight"), 0.001 * warmupFactor);
        assertEveryChange(change.get("02Linear_bias"), 0.001 * warmupFactor);
        assertThat(change.get("03Linear_weight")).as("a group at rate 0 is left unchanged").containsOnly(0f);
        assertEveryChange(change.get("03Linear_bias"), 0.01 * warmupFactor);
    }

    @Test
    void weightDecayOffIsHonouredForAdamWAndAdam() {
        for (String optimizer : List.of("adamw", "adam")) {
            TrainingSettings settings = settings(optimizer, 0.5);
            List<ParameterGroup> groups = List.of(new ParameterGroup("no-decay", "0[12]Linear_weight",
                    OptionalDouble.empty(), false));
            // a zero gradient (which DJL's trainer refuses, so the optimiser is called directly): only weight
            // decay moves a parameter
            Map<String, float[]> relative = zeroGradientStep(settings, groups);
            assertThat(relative.get("01Linear_weight")).as(optimizer + ": no decay").containsOnly(1f);
            assertThat(relative.get("02Linear_weight")).as(optimizer + ": no decay").containsOnly(1f);
            for (float ratio : relative.get("03Linear_weight")) {
                if (optimizer.equals("adamw")) {
                    assertThat((double) ratio).as("adamw: decoupled decay w ← w (1 − lr · wd)")
                            .isCloseTo(1 - 0.01 * 0.5, within(1e-5));
                } else {
                    assertThat(ratio).as("adam: L2 decay moves w towards 0").isLessThan(1f);
                }
            }
        }
    }

    @Test
    void groupsThatMatchNothingOrOverlapAreRefusedTogether() {
        SequentialBlock block = block();
        List<ParameterGroup> groups = List.of(
                new ParameterGroup("a", "01Linear_.*", OptionalDouble.of(0.1), true),
                new ParameterGroup("b", ".*_weight", OptionalDouble.of(0.1), true),
                new ParameterGroup("c", "ssm_.*", OptionalDouble.of(0.1), true),
                new ParameterGroup("a", "nothing", OptionalDouble.empty(), true));
        assertThatThrownBy(() -> ParameterGroupAssignment.resolve("toy", groups, block.getParameters()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid parameter groups of toy")
                .hasMessageContaining("parameter 01Linear_weight is in two groups, 'a' and 'b'")
                .hasMessageContaining("parameter group 'c' (pattern ssm_.*) matches no trainable parameter")
                .hasMessageContaining("two parameter groups are named 'a'");
    }

    @Test
    void aGroupIsValidatedWhenDeclared() {
        assertThatThrownBy(() -> new ParameterGroup("SSM", ".*", OptionalDouble.empty(), false))
                .hasMessageContaining("[a-z0-9-]+").hasMessageContaining("'SSM'");
        assertThatThrownBy(() -> new ParameterGroup("ssm", "(", OptionalDouble.empty(), false))
                .hasMessageContaining("parameter group 'ssm'").hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> new ParameterGroup("ssm", ".*", OptionalDouble.of(-1), false))
                .hasMessageContaining("finite and >= 0 but was -1.0");
        assertThat(new ParameterGroup("ssm", ".*_logDt", OptionalDouble.empty(), false).matches("layer0_logDt"))
                .isTrue();
        assertThat(new ParameterGroup("ssm", "_logDt", OptionalDouble.empty(), false).matches("layer0_logDt"))
                .as("the whole path must match").isFalse();
    }

    @Test
    void theGroupsAreDescribedForTheResult() {
        SequentialBlock block = block();
        ParameterGroupAssignment assignment = ParameterGroupAssignment.resolve("toy", List.of(
                new ParameterGroup("ssm", "02Linear_.*", OptionalDouble.of(0.001), false)), block.getParameters());
        assertThat(assignment.describe(settings("adamw", 0.01)).orElseThrow())
                .contains("'ssm' (2 tensors: 02Linear_weight, 02Linear_bias) at peak learning rate 0.001,"
                        + " weight decay off")
                .contains("the other 4 tensors at the run's peak learning rate 0.01 and weight decay 0.01");
        assertThat(ParameterGroupAssignment.none().describe(settings("adamw", 0.01))).isEmpty();
    }

    @Test
    void aScaledScheduleKeepsTheShape() {
        LearningRateSchedule run = new LearningRateSchedule(0.01f, 0.001f, 5, 50);
        Tracker group = OptimizerSetup.scaled(run, 0.001, 0.01);
        for (int step : new int[] {0, 3, 5, 20, 49, 50}) {
            assertThat((double) group.getNewValue(step)).isCloseTo(run.getNewValue(step) / 10.0, within(1e-9));
        }
    }

    private static void assertEveryChange(float[] change, double expected) {
        for (int i = 0; i < change.length; i++) {
            assertThat((double) Math.abs(change[i])).as("|Δ| of element %d", i)
                    .isCloseTo(expected, within(expected * 1e-3));
        }
    }

    /** Trains one step and returns each parameter's change, by path. */
    private static Map<String, float[]> oneStep(TrainingSettings settings, List<ParameterGroup> groups,
            Function<NDArray, NDArray> loss) {
        return step(settings, groups, loss, (before, after) -> after - before);
    }

    private interface Compare {
        float apply(float before, float after);
    }

    private static Map<String, float[]> zeroGradientStep(TrainingSettings settings, List<ParameterGroup> groups) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        SequentialBlock block = block();
        Map<String, float[]> result = new LinkedHashMap<>();
        try (Model model = Model.newInstance("groups", Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(5, 6));
            ai.djl.training.optimizer.Optimizer optimizer = OptimizerSetup.trainingConfig(settings,
                    Tracker.fixed((float) settings.learningRate()), new AdamMoments(block.getParameters()), 0,
                    ParameterGroupAssignment.resolve("toy", groups, block.getParameters())).getOptimizer();
            Map<String, float[]> before = values(block.getParameters());
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                NDArray weight = parameter.getValue().getArray();
                optimizer.update(parameter.getValue().getId(), weight, weight.zerosLike());
            }
            Map<String, float[]> after = values(block.getParameters());
            before.forEach((path, old) -> {
                float[] ratio = new float[old.length];
                for (int i = 0; i < old.length; i++) {
                    ratio[i] = old[i] == 0 ? 1 : after.get(path)[i] / old[i];
                }
                result.put(path, ratio);
            });
        }
        return result;
    }

    private static Map<String, float[]> step(TrainingSettings settings, List<ParameterGroup> groups,
            Function<NDArray, NDArray> loss, Compare compare) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        SequentialBlock block = block();
        Map<String, float[]> result = new LinkedHashMap<>();
        try (Model model = Model.newInstance("groups", Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            AdamMoments moments = new AdamMoments(block.getParameters());
            ParameterGroupAssignment assignment = ParameterGroupAssignment.resolve("toy", groups,
                    block.getParameters());
            Tracker schedule = new LearningRateSchedule((float) settings.learningRate(),
                    (float) settings.finalLearningRate(), settings.warmupSteps(), settings.steps());
            try (Trainer trainer = model.newTrainer(
                    OptimizerSetup.trainingConfig(settings, schedule, moments, 0, assignment))) {
                trainer.initialize(new Shape(5, 6));
                Map<String, float[]> before = values(block.getParameters());
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray x = batch.randomNormal(new Shape(5, 6));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        collector.backward(loss.apply(trainer.forward(new NDList(x)).head()));
                    }
                    trainer.step();
                }
                Map<String, float[]> after = values(block.getParameters());
                before.forEach((path, old) -> {
                    float[] now = after.get(path);
                    float[] compared = new float[old.length];
                    for (int i = 0; i < old.length; i++) {
                        compared[i] = compare.apply(old[i], now[i]);
                    }
                    result.put(path, compared);
                });
            }
        }
        return result;
    }

    private static Map<String, float[]> values(ai.djl.util.PairList<String, Parameter> parameters) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : parameters) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }
}
