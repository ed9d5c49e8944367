package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budget-sized schedules: the planner's arithmetic, trials that end at their budget whether the model is fast or
 * deliberately slow, a resume that continues the recorded schedule, {@code --replay}, and what happens to finished
 * trials on a re-run.
 */
class BudgetScheduleTest {

    private static final double BUDGET_MINUTES = 0.4;
    private static final int EVALUATIONS = 4;

    @TempDir
    Path temp;

    private static Map<String, Object> budgetSchedule(double minutes) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("lra.engine", "PyTorch");
        settings.put("lra.profiles.smoke.training.schedule", "budget");
        settings.put("lra.profiles.smoke.training.budget-minutes", minutes);
        // the default CPU clock: the models below are slowed by spending CPU time (a spin), which the machine's
        // other work does not stretch
        settings.put("lra.profiles.smoke.training.budget-clock", "cpu");
        settings.put("lra.profiles.smoke.training.evaluations", EVALUATIONS);
        settings.put("lra.profiles.smoke.training.calibration.warmup-steps", 2);
        settings.put("lra.profiles.smoke.training.calibration.steps", 10);
        settings.put("lra.profiles.smoke.training.calibration.warmup-seconds", 1);
        settings.put("lra.profiles.smoke.training.calibration.min-seconds", 2);
        settings.put("lra.profiles.smoke.training.calibration.max-seconds", 6);
        settings.put("lra.profiles.smoke.training.calibration.eval-samples", 16);
        return settings;
    }

    private static LraBench bench(Map<String, Object> settings) {
        return LraBench.open(Optional.empty(), Optional.empty(), settings);
    }

    private SuiteRequest request(String out) {
        return new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1, temp.resolve(out),
                OptionalInt.empty());
    }

    private static RunResult run(LraBench bench, SuiteRequest request, TrialListener listener) {
        return bench.run(request, new GeneratedData(bench.context().task("lra-image")), listener).get(0);
    }

    private static TrainingSettings settings(double budgetMinutes, int evaluations, String maxEpochs) {
        return TrainingSettings.from(ConfigFactory.parseString(settingsText(budgetMinutes, evaluations, maxEpochs)),
                "training");
    }

    private static String settingsText(double budgetMinutes, int evaluations, String maxEpochs) {
        return "optimizer = adam, learning-rate = 1e-3,"
                + " final-learning-rate = 0, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weight-decay = 0,"
                + " warmup-steps = 1, steps = 10, batch-size = 50, eval-batch-size = 50, eval-every = 5,"
                + " gradient-clipping { enabled = false, max-norm = 1 }, budget-minutes = " + budgetMinutes
                + ", budget-clock = wall, schedule = budget, evaluations = " + evaluations + ", warmup-fraction = 0.1,"
                + " max-epochs = " + maxEpochs + ", calibration { warmup-steps = 1, warmup-seconds = 0, steps = 2,"
                + " min-seconds = 0, max-seconds = 1, eval-samples = 8 }, micro-batch-size = 0";
    }

    @Test
    void thePlannerFillsTheBudgetLeftWithStepsAndTheConfiguredEvaluations() {
        // 600 s budget, 60 s spent calibrating: (540 - 12 * 5) / 0.25 = 1920 steps
        TrainingSchedule schedule = SchedulePlanner.plan(settings(10, 12, "null"), 45_000, 0.25, 5, 60, 20, 512);
        assertThat(schedule.steps()).isEqualTo(1920);
        assertThat(schedule.evalEvery()).isEqualTo(160);
        assertThat(schedule.warmupSteps()).isEqualTo(192);
        assertThat(schedule.origin()).isEqualTo(TrainingSchedule.CALIBRATED);
        assertThat(schedule.calibration().availableSeconds()).isEqualTo(540);
        assertThat(schedule.calibration().epochCap()).isNull();
    }

    @Test
    void theFirstEvaluationReplansWhenItsStepsCostOtherThanTheCalibrationSaid() {
        // 600 s budget, calibrated at 0.25 s per step and 5 s per evaluation: 1920 steps, 12 evaluations every 160
        TrainingSchedule planned = SchedulePlanner.plan(settings(10, 12, "null"), 45_000, 0.25, 5, 60, 20, 512);
        assertThat(SchedulePlanner.replan(planned, settings(10, 12, "null"), 160, 0.27, 5, 105))
                .as("within 10%% of the calibration: kept").isEmpty();
        // steps cost 0.5 s: 105 s spent; (600 - 105 - 11 * 5) / 0.5 = 880 more steps
        TrainingSchedule slower = SchedulePlanner.replan(planned, settings(10, 12, "null"), 160, 0.5, 5, 105)
                .orElseThrow();
        assertThat(slower.steps()).isEqualTo(160 + 880);
        assertThat(slower.evalEvery()).as("the 11 evaluations left spread over the 880 steps left").isEqualTo(80);
        assertThat(java.util.stream.IntStream.rangeClosed(1, slower.steps()).filter(slower::evaluatesAt).filter(
                st -> st > 160).count()).isEqualTo(11);
        assertThat(slower.warmupSteps()).isEqualTo(planned.warmupSteps());
        assertThat(slower.replan()).isEqualTo(new TrainingSchedule.Replan(160, 0.5, 5, 1920, 160));
        assertThat(SchedulePlanner.replan(slower, settings(10, 12, "null"), 160, 0.25, 5, 105))
                .as("once per trial").isEmpty();
        // steps cost 0.125 s: (600 - 105 - 55) / 0.125 = 3520 more, capped by 2 epochs of 45,000 / 50
        TrainingSchedule faster = SchedulePlanner.replan(
                SchedulePlanner.plan(settings(10, 12, "2"), 45_000, 0.25, 5, 60, 20, 512), settings(10, 12, "2"), 160,
                0.125, 5, 105).orElseThrow();
        assertThat(faster.steps()).isEqualTo(1800);
        assertThat(SchedulePlanner.replan(planned, settings(10, 12, "null"), planned.steps(), 0.5, 5, 590))
                .as("never at the last step").isEmpty();
    }

    @Test
    void maxEpochsCapsTheStepsOfACheapModel() {
        // 900 steps per epoch of 45,000 at batch 50: two epochs cap the 1,920 steps the budget would hold
        TrainingSchedule schedule = SchedulePlanner.plan(settings(10, 12, "2"), 45_000, 0.25, 5, 60, 20, 512);
        assertThat(schedule.steps()).isEqualTo(1800);
        assertThat(schedule.evalEvery()).isEqualTo(150);
        assertThat(schedule.calibration().epochCap()).isEqualTo(1800);
    }

    @Test
    void aBudgetTooSmallForOneStepAndOneEvaluationIsRefusedWithTheNumbers() {
        assertThatThrownBy(() -> SchedulePlanner.plan(settings(1, 12, "null"), 45_000, 2, 50, 30, 20, 512))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0-minute budget").hasMessageContaining("30 s after the calibration")
                .hasMessageContaining("50.0 s").hasMessageContaining("training.budget-minutes");
    }

    @Test
    void aTightBudgetGetsFewerEvaluationsButAtLeastOne() {
        // 100 s left, an evaluation costs 40 s: two evaluations and (100 - 80) / 1 = 20 steps
        TrainingSchedule schedule = SchedulePlanner.plan(settings(2, 12, "null"), 45_000, 1, 40, 20, 20, 512);
        assertThat(schedule.steps()).isEqualTo(20);
        assertThat(schedule.evalEvery()).isEqualTo(10);
    }

    @Test
    void aSlowedModelEndsWithinTenPercentOfItsBudgetWithItsEvaluations() {
        Map<String, Object> settings = budgetSchedule(BUDGET_MINUTES);
        settings.put("lra.models.test-mean-pool.forward-spin-ms", 25);
        try (LraBench bench = bench(settings)) {
            assertEndsAtTheBudget(run(bench, request("slow"), TrialListener.NONE));
        }
    }

    @Test
    void aFastModelEndsWithinTenPercentOfItsBudgetWithItsEvaluations() {
        // 3 ms of CPU in its forward pass (against 25 for the slowed one): without it a step of this tiny model
        // costs ~3 ms of Java and dispatch that keeps speeding up for a while as the JIT compiles, which no
        // calibration of a few seconds can see (the providers whose steps are that cheap, linear and
        // bag-of-pixels, can end their budget early for the same reason; the others' steps cost 50 ms and more)
        Map<String, Object> settings = budgetSchedule(BUDGET_MINUTES);
        settings.put("lra.models.test-mean-pool.forward-spin-ms", 3);
        try (LraBench bench = bench(settings)) {
            RunResult result = run(bench, request("fast"), TrialListener.NONE);
            assertEndsAtTheBudget(result);
            assertThat(result.stepsPlanned()).as("a fast model gets more steps than the 12 smoke steps")
                    .isGreaterThan(12);
        }
    }

    @Test
    void aCpuTimeBudgetCountsTheComputationNotTheWaitsBesideIt() {
        // 20 ms of sleep in every forward pass costs wall-clock time but next to no CPU time, as a core taken by
        // other work would: under budget-clock = cpu the schedule is sized on, and ends at, the process's CPU time
        double minutes = 0.05;
        Map<String, Object> settings = budgetSchedule(minutes);
        settings.put("lra.profiles.smoke.training.budget-clock", "cpu");
        settings.put("lra.profiles.smoke.training.calibration.warmup-seconds", 0.2);
        settings.put("lra.profiles.smoke.training.calibration.min-seconds", 0.3);
        settings.put("lra.profiles.smoke.training.calibration.max-seconds", 1);
        settings.put("lra.models.test-mean-pool.forward-sleep-ms", 20);
        try (LraBench bench = bench(settings)) {
            RunResult result = run(bench, request("cpu-clock"), TrialListener.NONE);
            assertThat(result.isCompleted()).as(result.failureReason()).isTrue();
            assertThat(result.schedule().calibration().clock()).isEqualTo("cpu");
            assertThat(result.notes()).anyMatch(n -> n.startsWith("schedule sized from the ")
                    && n.contains("-minute budget of process CPU time: "));
            EvalPoint last = result.curve().get(result.curve().size() - 1);
            // a 3-second CPU budget, of which the JVM's compiler and collector threads take a share that varies
            // with the machine's load: the bounds are looser than the wall-clock tests' 10%
            assertThat(last.budgetSeconds()).as(result.notes() + " " + result.curve())
                    .isBetween(0.75 * minutes * 60, 1.15 * minutes * 60);
            assertThat(last.elapsedSeconds()).as("the sleeps lengthen the wall-clock time, not the budget's")
                    .isGreaterThan(1.5 * last.budgetSeconds());
        }
    }

    @Test
    void anUnknownBudgetClockIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> TrainingSettings.from(ConfigFactory.parseString("budget-clock = cpuu")
                .withFallback(ConfigFactory.parseString(settingsText(1, 4, "null"))), "training"))
                .hasMessageContaining("training.budget-clock must be wall or cpu but was cpuu");
    }

    private static void assertEndsAtTheBudget(RunResult result) {
        assertThat(result.isCompleted()).as(result.failureReason()).isTrue();
        TrainingSchedule schedule = result.schedule();
        assertThat(schedule.origin()).isEqualTo(TrainingSchedule.CALIBRATED);
        assertThat(result.stepsPlanned()).isEqualTo(schedule.steps());
        double budgetSeconds = BUDGET_MINUTES * 60;
        double lastEvaluation = result.curve().get(result.curve().size() - 1).clockSeconds();
        assertThat(lastEvaluation).as(result.notes() + " " + result.curve() + ": training and evaluations end within 10%% of the %.0f s budget", budgetSeconds)
                .isBetween(0.9 * budgetSeconds, 1.1 * budgetSeconds);
        if (result.stoppedByBudget()) {
            // the machine slowed down after the calibration: cut, but with an evaluation of the last step
            assertThat(result.curve()).hasSizeLessThanOrEqualTo(EVALUATIONS);
            assertThat(result.curve().get(result.curve().size() - 1).step()).isEqualTo(result.stepsCompleted());
            assertThat(result.notes()).anyMatch(n -> n.contains("% of the schedule"));
        } else {
            assertThat(result.curve()).hasSize(EVALUATIONS);
            assertThat(result.stepsCompleted()).isEqualTo(schedule.steps());
        }
        assertThat(result.notes()).anyMatch(n -> n.startsWith("schedule sized from the 0.4-minute budget of process"
                + " CPU time"));
    }

    @Test
    void aResumedTrialContinuesItsRecordedScheduleWithoutRecalibrating() {
        SuiteRequest request = request("resume");
        TrialListener crashAfterFirstEvaluation = new TrialListener() {
            @Override
            public void evaluated(EvalPoint point) {
                throw new SuiteRunnerTest.SimulatedCrash();
            }
        };
        Path trialDir = temp.resolve("resume/lra-image/test-mean-pool/seed-0");
        TrainingSchedule recorded;
        try (LraBench bench = bench(budgetSchedule(0.2))) {
            assertThatThrownBy(() -> run(bench, request, crashAfterFirstEvaluation))
                    .isInstanceOf(SuiteRunnerTest.SimulatedCrash.class);
            recorded = CheckpointStore.ofTrial(trialDir).peek(CheckpointStore.LATEST).orElseThrow().schedule();
        }
        assertThat(recorded.origin()).isEqualTo(TrainingSchedule.CALIBRATED);
        // the second run is given a longer budget: a recalibration would size another schedule
        try (LraBench bench = bench(budgetSchedule(0.5))) {
            RunResult result = run(bench, request, TrialListener.NONE);
            assertThat(result.isCompleted()).as(result.failureReason()).isTrue();
            assertThat(result.schedule()).isEqualTo(recorded);
            assertThat(result.stepsCompleted()).isEqualTo(recorded.steps());
            assertThat(result.notes()).filteredOn(n -> n.startsWith("schedule sized")).hasSize(1);
            int firstEvaluation = recorded.replan() == null ? recorded.evalEvery() : recorded.replan().atStep();
            assertThat(result.notes()).anyMatch(n -> n.startsWith("resumed from the checkpoint at step "
                    + firstEvaluation));
        }
    }

    @Test
    void replayRerunsTheRecordedScheduleExactly() throws Exception {
        Path config = temp.resolve("budget.conf");
        StringBuilder text = new StringBuilder("lra.profiles.smoke.training.max-epochs = 2\n");
        budgetSchedule(BUDGET_MINUTES).forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(config, text);
        Path first = temp.resolve("first");
        CliRun original = CliRun.of("bench", "--config", config.toString(), "--profile", "smoke", "--protocol",
                "scifar", "--models", "test-second", "--seed", "3", "--out", first.toString());
        assertThat(original.status()).as(original.err()).isZero();
        Path resultFile = first.resolve("scifar/test-second/seed-3/result.json");
        RunResult recorded = new ResultFiles().read(resultFile);
        assertThat(recorded.schedule().origin()).isEqualTo(TrainingSchedule.CALIBRATED);

        Path second = temp.resolve("second");
        CliRun replay = CliRun.of("bench", "--replay", resultFile.toString(), "--out", second.toString());
        assertThat(replay.status()).as(replay.err()).isZero();
        RunResult replayed = new ResultFiles().read(second.resolve("scifar/test-second/seed-3/result.json"));
        assertThat(replayed.schedule().origin()).isEqualTo(TrainingSchedule.CONFIGURED);
        assertThat(replayed.stepsPlanned()).isEqualTo(recorded.stepsPlanned());
        assertThat(replayed.schedule().evalEvery()).isEqualTo(recorded.schedule().evalEvery());
        assertThat(replayed.schedule().warmupSteps()).isEqualTo(recorded.schedule().warmupSteps());
        assertThat(replayed.stepsCompleted()).isEqualTo(recorded.stepsPlanned());
        assertThat(replayed.provenance().resolvedConfig()).contains("schedule=steps");
        int every = recorded.schedule().evalEvery();
        assertThat(replayed.curve()).extracting(EvalPoint::step).allMatch(
                step -> step % every == 0 || step == recorded.stepsPlanned());
    }

    @Test
    void aFinishedTrialIsKeptWithALineAndRetrainedOnlyWithFresh() throws Exception {
        Path out = temp.resolve("again");
        String[] bench = {"bench", "--profile", "smoke", "--protocol", "scifar", "--models", "test-second", "--out",
            out.toString()};
        CliRun first = CliRun.of(bench);
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        CliRun again = CliRun.of(bench);
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("1 trial(s), 0 failed, 1 kept from an earlier run in this folder")
                .contains("--fresh retrains them");

        String[] fresh = {"bench", "--profile", "smoke", "--protocol", "scifar", "--models", "test-second", "--out",
            out.toString(), "--fresh"};
        CliRun retrained = CliRun.of(fresh);
        assertThat(retrained.status()).as(retrained.err()).isZero();
        assertThat(retrained.out()).contains("1 trial(s), 0 failed;").doesNotContain("kept");
    }

    @Test
    void aFinishedTrialOfAnotherConfigurationIsNotKeptSilently() throws Exception {
        Path out = temp.resolve("changed");
        assertThat(CliRun.of("bench", "--profile", "smoke", "--protocol", "scifar", "--models", "test-second",
                "--out", out.toString()).status()).isZero();
        Path config = temp.resolve("other-rate.conf");
        Files.writeString(config, "lra.profiles.smoke.training.learning-rate = 0.5\n");
        CliRun changed = CliRun.of("bench", "--config", config.toString(), "--profile", "smoke", "--protocol",
                "scifar", "--models", "test-second", "--out", out.toString());
        assertThat(changed.status()).isEqualTo(2);
        assertThat(changed.err()).contains("scifar/test-second/seed-0/result.json (finished)")
                .contains("learning-rate").contains("--fresh");
    }
}
