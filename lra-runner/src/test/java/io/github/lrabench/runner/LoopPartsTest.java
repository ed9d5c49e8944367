package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The schedule, the clipping, the sampler, the plan and the settings validation of the training loop. */
class LoopPartsTest {

    @Test
    void scheduleWarmsUpLinearlyThenFollowsCosineToTheFinalValue() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 1e-5f, 10, 110);
        assertThat(schedule.getNewValue(0)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(schedule.getNewValue(9)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(schedule.getNewValue(10)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(schedule.getNewValue(60)).isCloseTo((1e-3f + 1e-5f) / 2, within(1e-8f));
        assertThat(schedule.getNewValue(110)).isCloseTo(1e-5f, within(1e-9f));
        assertThat(schedule.getNewValue(500)).isCloseTo(1e-5f, within(1e-9f));
    }

    @Test
    void clippingScalesAllGradientsToTheGlobalNorm() {
        try (Model model = Model.newInstance("clip", Device.cpu(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            Linear linear = Linear.builder().setUnits(3).build();
            model.setBlock(linear);
            linear.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 4));
            NDArray x = manager.ones(new Shape(2, 4)).mul(10);
            for (var p : linear.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            try (GradientCollector collector = model.getNDManager().getEngine().newGradientCollector()) {
                NDArray y = linear.forward(new ai.djl.training.ParameterStore(manager, false),
                        new ai.djl.ndarray.NDList(x), true).head();
                collector.backward(y.square().sum());
            }
            double before = GradientClipping.clipGlobalNorm(linear.getParameters(), 0);
            assertThat(before).isGreaterThan(1.0);
            double measured = GradientClipping.clipGlobalNorm(linear.getParameters(), 1.0);
            assertThat(measured).isCloseTo(before, within(before * 1e-5));
            double after = GradientClipping.clipGlobalNorm(linear.getParameters(), 0);
            assertThat(after).isCloseTo(1.0, within(1e-4));
            Parameter weight = linear.getParameters().get("weight");
            assertThat(weight.getArray().getGradient().getShape()).isEqualTo(new Shape(3, 4));
        }
    }

    @Test
    void samplerGivesEachEpochAPermutationDeterminedBySeedAndEpoch() {
        StepSampler sampler = new StepSampler(7, 10, 3);
        assertThat(sampler.stepsPerEpoch()).isEqualTo(3);
        Set<Integer> epoch0 = new HashSet<>();
        IntStream.range(0, 3).forEach(s -> Arrays.stream(sampler.batch(s)).forEach(epoch0::add));
        assertThat(epoch0).hasSize(9).allMatch(i -> i >= 0 && i < 10);
        int[] resumed = new StepSampler(7, 10, 3).batch(4);
        assertThat(sampler.batch(4)).containsExactly(resumed);
        assertThat(new StepSampler(8, 10, 3).batch(0)).isNotEqualTo(new StepSampler(7, 10, 3).batch(0));
        assertThatThrownBy(() -> new StepSampler(0, 2, 3)).hasMessageContaining("fewer than one batch of 3");
    }

    @Test
    void planOrdersTrialsAndRefusesAnIndexOutsideIt() {
        SuitePlan plan = SuitePlan.of(java.util.List.of("lra-image", "scifar"), java.util.List.of("a", "b"),
                "quick", 5, 2);
        assertThat(plan.trials()).hasSize(8);
        assertThat(plan.trial(3)).isEqualTo(new TrialSpec(3, "b", "lra-image", "quick", 6));
        assertThat(plan.trial(4).protocol()).isEqualTo("scifar");
        assertThatThrownBy(() -> plan.trial(8)).hasMessageContaining("0..7");
    }

    @Test
    void trainingSettingsReportEveryBadKeyTogether() {
        var block = ConfigFactory.parseString("""
                optimizer = sgd, learning-rate = 0, final-learning-rate = 0, beta1 = 0.9, beta2 = 0.98,
                epsilon = 1e-9, weight-decay = 0, warmup-steps = -1, steps = 10, batch-size = 0,
                eval-batch-size = 8, eval-every = 5, gradient-clipping { enabled = true, max-norm = 1 },
                budget-minutes = 1, budget-clock = sundial, schedule = weekly, evaluations = 0, warmup-fraction = 1, max-epochs = null,
                calibration { warmup-steps = 1, warmup-seconds = 0, steps = 2, min-seconds = 5, max-seconds = 1,
                eval-samples = 8 }, micro-batch-size = -2
                """);
        assertThatThrownBy(() -> TrainingSettings.from(block, "training"))
                .hasMessageContaining("training.schedule must be budget or steps but was weekly")
                .hasMessageContaining("training.budget-clock must be wall or cpu but was sundial")
                .hasMessageContaining("training.evaluations must be > 0")
                .hasMessageContaining("training.warmup-fraction must lie in [0, 1)")
                .hasMessageContaining("training.calibration.max-seconds must be >= min-seconds")
                .hasMessageContaining("training.micro-batch-size must be >= 0")
                .hasMessageContaining("training.optimizer must be adam or adamw but was sgd")
                .hasMessageContaining("training.learning-rate must be > 0")
                .hasMessageContaining("training.warmup-steps must be >= 0")
                .hasMessageContaining("training.batch-size must be > 0");
    }
}
