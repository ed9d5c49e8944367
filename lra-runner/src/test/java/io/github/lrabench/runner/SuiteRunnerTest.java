package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared loop end to end on generated data: results, failures, budget, resume, damaged checkpoints, lock. */
class SuiteRunnerTest {

    @TempDir
    Path temp;

    /** Thrown from a listener to stop a trial the way a crash or Ctrl-C would: no result is written. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static LraBench bench(Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(Map.of("lra.engine", "PyTorch"));
        overrides.putAll(extra);
        return LraBench.open(Optional.empty(), Optional.empty(), overrides);
    }

    private SuiteRequest request(List<String> models, int seeds) {
        return new SuiteRequest(List.of("lra-image"), "smoke", models, 0, seeds, temp.resolve("out"),
                OptionalInt.empty());
    }

    /** A listener that stops a trial the way a crash would once it has trained the given step. */
    private static TrialListener crashAtStep(int crashStep) {
        return new TrialListener() {
            @Override
            public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
                if (step == crashStep) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    private static List<RunResult> run(LraBench bench, SuiteRequest request, TrialListener listener) {
        return bench.run(request, new GeneratedData(bench.context().task("lra-image")), listener);
    }

    @Test
    void suiteTrainsEvaluatesAndReportsEveryTrial() throws Exception {
        try (LraBench bench = bench(Map.of("lra.profiles.smoke.training.learning-rate", 1e-2))) {
            List<RunResult> results = run(bench, request(List.of("test-mean-pool", "test-second"), 2),
                    TrialListener.NONE);
            assertThat(results).hasSize(4).allMatch(RunResult::isCompleted);
            RunResult first = results.get(0);
            assertThat(first.stepsCompleted()).isEqualTo(12);
            assertThat(first.curve()).extracting(EvalPoint::step).containsExactly(6, 12);
            assertThat(first.testAccuracyAtBest()).isBetween(0.0, 1.0);
            // 12 steps of batch 16 over the generated splits of 128 / 48 / 48 sequences
            assertThat(first.samples()).isEqualTo(new SampleCounts(12 * 16, 128, 48, 48));
            assertThat(first.bestValidationAccuracy()).isGreaterThan(0.2); // learnable data, chance is 0.1
            assertThat(first.parameters()).isPositive();
            assertThat(first.forwardFlopsPerSample()).isPositive();
            assertThat(first.trainSamplesPerSecond()).isPositive();
            assertThat(first.provenance().engine()).isEqualTo("PyTorch");
            assertThat(first.provenance().djlVersion()).isEqualTo("0.36.0");
            assertThat(first.provenance().resolvedConfig()).contains("steps").contains("hidden");
            Path out = temp.resolve("out");
            assertThat(out.resolve("lra-image/test-mean-pool/seed-1/result.json")).isRegularFile();
            assertThat(Files.readString(out.resolve("summary.md"))).contains("test-mean-pool").contains("test-second")
                    .contains("50.00% (test task)");
            assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(3);
            assertThat(Files.readString(out.resolve("summary.md"))).contains("## Where the trials ran")
                    .contains("cores; PyTorch").contains("test-mean-pool lra-image seed 1 (git ");
            // two seeds: mean ± std
            assertThat(Files.readAllLines(out.resolve("summary.md"))).filteredOn(l -> l.startsWith("| test-mean-pool | test |"))
                    .singleElement().asString().contains(" ± ")
                    .as("epochs seen: 192 samples over 128 training sequences").contains(" | 1.50 | ");
            assertThat(out.resolve("curves-lra-image.png")).isRegularFile();
            assertThat(out.resolve("cost-lra-image.png")).isRegularFile();
        }
    }

    @Test
    void nonFiniteLogitsBeforeAnyTrainingFailTheTrialNamingTheProvider() {
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.nan-logits", "always"))) {
            RunResult result = run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE).get(0);
            assertThat(result.status()).isEqualTo(RunResult.FAILED);
            assertThat(result.failureReason()).contains("provider 'test-mean-pool'").contains("non-finite logits")
                    .contains("before any training");
            assertThat(result.stepsCompleted()).isZero();
        }
    }

    @Test
    void logitsOfTheWrongShapeFailTheTrialWithTheExpectedAndActualShape() {
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.per-position-logits", true))) {
            RunResult result = run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE).get(0);
            assertThat(result.status()).isEqualTo(RunResult.FAILED);
            assertThat(result.failureReason()).contains("provider 'test-mean-pool'")
                    .contains("logits of shape (2, 1024, 10)").contains("expected (batch, classes) = (2, 10)");
            assertThat(result.stepsCompleted()).isZero();
        }
    }

    @Test
    void aTrialThatFailsInTheEngineKeepsItsStackTraceInTheTrialFolder() throws Exception {
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.nan-logits", "engine-error-in-training"))) {
            RunResult result = run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE).get(0);
            assertThat(result.status()).isEqualTo(RunResult.FAILED);
            Path log = temp.resolve("out/lra-image/test-mean-pool/seed-0/" + FailureLog.FILE);
            assertThat(result.failureReason()).startsWith("training failed: ").contains("(stack trace: " + log + ")")
                    .doesNotContain("internal error");
            assertThat(log).content().contains("at ai.djl.").contains("TrainingStep.run");
        }
    }

    @Test
    void nanLossStopsTheTrialAsFailedWithItsReason() {
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.nan-logits", "training"))) {
            RunResult result = run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE).get(0);
            assertThat(result.status()).isEqualTo(RunResult.FAILED);
            assertThat(result.failureReason()).contains("NaN").contains("step 1").contains("diverged");
        }
    }

    @Test
    void aBudgetTooSmallForOneEvaluationSaysSo() {
        // on the wall clock: the JVM reports the process's CPU time in ticks of the OS (10 ms here), within which a
        // 1e-9-minute CPU budget can read as not yet begun
        try (LraBench bench = bench(Map.of("lra.profiles.smoke.training.budget-minutes", 1e-9,
                "lra.profiles.smoke.training.budget-clock", "wall"))) {
            RunResult result = run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE).get(0);
            assertThat(result.status()).isEqualTo(RunResult.FAILED);
            assertThat(result.failureReason()).contains("budget ended at step 0")
                    .contains("before the first evaluation at step 6").contains("training.budget-minutes");
        }
    }

    @Test
    void aRerunAfterACrashResumesAndKeepsFinishedTrials() throws Exception {
        SuiteRequest request = request(List.of("test-mean-pool"), 2);
        TrialListener crashAfterFirstEvalOfSecondTrial = new TrialListener() {
            @Override
            public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
                if (currentSeed == 1 && step == 8) {
                    throw new SimulatedCrash();
                }
            }

            int currentSeed;

            @Override
            public void started(TrialSpec trial, int fromStep, int totalSteps) {
                currentSeed = trial.seed();
            }
        };
        try (LraBench bench = bench(Map.of())) {
            assertThatThrownBy(() -> run(bench, request, crashAfterFirstEvalOfSecondTrial))
                    .isInstanceOf(SimulatedCrash.class);
        }
        Path out = temp.resolve("out");
        Path finished = out.resolve("lra-image/test-mean-pool/seed-0/result.json");
        Path unfinished = out.resolve("lra-image/test-mean-pool/seed-1");
        assertThat(finished).isRegularFile();
        assertThat(unfinished.resolve("result.json")).doesNotExist();
        assertThat(unfinished.resolve("checkpoints/latest")).isDirectory();
        String finishedBefore = Files.readString(finished);

        try (LraBench bench = bench(Map.of())) {
            List<RunResult> results = run(bench, request, TrialListener.NONE);
            assertThat(results).allMatch(RunResult::isCompleted);
            assertThat(results.get(1).notes()).anyMatch(n -> n.contains("resumed from the checkpoint at step 6"));
            assertThat(results.get(1).stepsCompleted()).isEqualTo(12);
            assertThat(results.get(1).curve()).extracting(EvalPoint::step).containsExactly(6, 12);
            assertThat(results.get(1).samples().trainingSamplesSeen()).as("counted across the resume")
                    .isEqualTo(12 * 16);
        }
        assertThat(Files.readString(finished)).isEqualTo(finishedBefore);
    }

    @Test
    void aResumedTrialEndsWithTheParametersOfAnUninterruptedOne() throws Exception {
        for (String optimizer : List.of("adam", "adamw", "adamw-grouped")) {
            Map<String, Object> config = Map.of("lra.profiles.smoke.training.optimizer", optimizer.substring(0,
                            optimizer.startsWith("adamw") ? 5 : 4),
                    "lra.profiles.smoke.training.weight-decay", 0.01,
                    "lra.models.test-mean-pool.declare-group", optimizer.endsWith("grouped"));
            SuiteRequest straight = new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1,
                    temp.resolve(optimizer + "-straight"), OptionalInt.empty());
            SuiteRequest interrupted = new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0,
                    1, temp.resolve(optimizer + "-interrupted"), OptionalInt.empty());
            TrialListener crashAtStep8 = crashAtStep(8);
            try (LraBench bench = bench(config)) {
                run(bench, straight, TrialListener.NONE);
                assertThatThrownBy(() -> run(bench, interrupted, crashAtStep8)).isInstanceOf(SimulatedCrash.class);
            }
            try (LraBench bench = bench(config)) {
                RunResult resumed = run(bench, interrupted, TrialListener.NONE).get(0);
                assertThat(resumed.notes()).anyMatch(n -> n.contains("at step 6 (parameters, Adam moments"));
                assertThat(resumed.notes()).as("the groups are noted once")
                        .filteredOn(n -> n.startsWith("optimiser parameter groups"))
                        .hasSize(optimizer.endsWith("grouped") ? 1 : 0);
            }
            Path trial = Path.of("lra-image/test-mean-pool/seed-0/checkpoints/latest/model-0000.params");
            assertThat(Files.readAllBytes(straight.outputDir().resolve(trial)))
                    .as(optimizer + ": parameters after 12 steps, straight and resumed at step 6")
                    .isEqualTo(Files.readAllBytes(interrupted.outputDir().resolve(trial)));
        }
    }

    @Test
    void microBatchesGiveTheLossesOfTheWholeBatch() {
        Map<Integer, List<Double>> losses = new java.util.TreeMap<>();
        for (int micro : new int[] {0, 5}) {
            List<Double> stepLosses = new java.util.ArrayList<>();
            try (LraBench bench = bench(Map.of("lra.profiles.smoke.training.micro-batch-size", micro))) {
                run(bench, new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1,
                        temp.resolve("micro-" + micro), OptionalInt.empty()), new TrialListener() {
                            @Override
                            public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
                                stepLosses.add(loss);
                            }
                        });
            }
            losses.put(micro, stepLosses);
        }
        // batches of 16 in slices of 5, 5, 5 and 1: the same gradients, so the same parameters and losses each step
        assertThat(losses.get(5)).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(losses.get(5).get(i)).as("step " + (i + 1)).isCloseTo(losses.get(0).get(i),
                    org.assertj.core.api.Assertions.within(1e-4));
        }
        assertThat(losses.get(0).get(11)).as("the loss moved, so the comparison means something")
                .isNotCloseTo(losses.get(0).get(0), org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void aStopRequestCheckpointsTheCurrentStepAndTheResumeContinuesTheSameRun() throws Exception {
        SuiteRequest straight = new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1,
                temp.resolve("straight"), OptionalInt.empty());
        SuiteRequest stopped = new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1,
                temp.resolve("stopped"), OptionalInt.empty());
        StopRequest stop = new StopRequest();
        List<String> warnings = new java.util.ArrayList<>();
        TrialListener stopAfterStep8 = new TrialListener() {
            @Override
            public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
                if (step == 8) {
                    stop.request();
                }
            }

            @Override
            public void warning(TrialSpec trial, String message) {
                warnings.add(message);
            }
        };
        try (LraBench bench = bench(Map.of())) {
            run(bench, straight, TrialListener.NONE);
            SuiteRunner suite = new SuiteRunner(new TrialRunner(bench.context()),
                    new GeneratedData(bench.context().task("lra-image")), 1);
            assertThatThrownBy(() -> suite.run(bench.plan(stopped).trials(), stopped.outputDir(), stopAfterStep8,
                    stop)).isInstanceOf(StopRequest.StoppedException.class).hasMessageContaining("step 8 of 12");
        }
        Path trialDir = stopped.outputDir().resolve("lra-image/test-mean-pool/seed-0");
        assertThat(trialDir.resolve("result.json")).doesNotExist();
        assertThat(Files.readString(trialDir.resolve("checkpoints/latest/state.json"))).startsWith("{\"step\":8,");
        assertThat(warnings).anyMatch(w -> w.contains("re-run the same command to resume"));
        try (LraBench bench = bench(Map.of())) {
            RunResult resumed = run(bench, stopped, TrialListener.NONE).get(0);
            assertThat(resumed.notes()).anyMatch(n -> n.contains("at step 8 (parameters, Adam moments"));
            assertThat(resumed.curve()).extracting(EvalPoint::step).containsExactly(6, 12);
        }
        Path params = Path.of("lra-image/test-mean-pool/seed-0/checkpoints/latest/model-0000.params");
        assertThat(Files.readAllBytes(stopped.outputDir().resolve(params)))
                .isEqualTo(Files.readAllBytes(straight.outputDir().resolve(params)));
    }

    @Test
    void aDamagedCheckpointIsDetectedAndTheTrialRestarts() throws Exception {
        SuiteRequest request = request(List.of("test-mean-pool"), 1);
        TrialListener crash = crashAtStep(8);
        try (LraBench bench = bench(Map.of())) {
            assertThatThrownBy(() -> run(bench, request, crash)).isInstanceOf(SimulatedCrash.class);
        }
        Path latest = temp.resolve("out/lra-image/test-mean-pool/seed-0/checkpoints/latest");
        try (var files = Files.list(latest)) {
            Path params = files.filter(p -> p.toString().endsWith(".params")).findFirst().orElseThrow();
            Files.write(params, new byte[] {1, 2, 3});
        }
        try (LraBench bench = bench(Map.of())) {
            RunResult result = run(bench, request, TrialListener.NONE).get(0);
            assertThat(result.isCompleted()).isTrue();
            assertThat(result.notes()).anyMatch(n -> n.contains("checkpoint was damaged"));
            assertThat(result.curve()).extracting(EvalPoint::step).containsExactly(6, 12);
        }
    }

    @Test
    void aDamagedOptimizerStateIsDetectedAndTheTrialRestarts() throws Exception {
        SuiteRequest request = request(List.of("test-mean-pool"), 1);
        TrialListener crash = crashAtStep(8);
        try (LraBench bench = bench(Map.of())) {
            assertThatThrownBy(() -> run(bench, request, crash)).isInstanceOf(SimulatedCrash.class);
        }
        Path optimizerState = temp.resolve("out/lra-image/test-mean-pool/seed-0/checkpoints/latest/optimizer.ndlist");
        byte[] bytes = Files.readAllBytes(optimizerState);
        bytes[bytes.length - 1] ^= 1;
        Files.write(optimizerState, bytes);
        List<Integer> startSteps = new java.util.ArrayList<>();
        TrialListener starts = new TrialListener() {
            @Override
            public void started(TrialSpec trial, int fromStep, int totalSteps) {
                startSteps.add(fromStep);
            }
        };
        try (LraBench bench = bench(Map.of())) {
            RunResult result = run(bench, request, starts).get(0);
            assertThat(result.isCompleted()).isTrue();
            assertThat(result.notes()).anyMatch(n -> n.contains("checkpoint was damaged")
                    && n.contains("optimizer.ndlist"));
            assertThat(result.notes()).noneMatch(n -> n.contains("resumed"));
            assertThat(startSteps).containsExactly(0);
            assertThat(result.curve()).extracting(EvalPoint::step).containsExactly(6, 12);
        }
    }

    @Test
    void aResumeUnderAnotherConfigurationIsRefusedAndKeepsTheCheckpoint() throws Exception {
        SuiteRequest request = request(List.of("test-mean-pool", "test-second"), 1);
        TrialListener crashAtStep8 = crashAtStep(8);
        try (LraBench bench = bench(Map.of())) {
            assertThatThrownBy(() -> run(bench, request, crashAtStep8)).isInstanceOf(SimulatedCrash.class);
        }
        Path checkpoints = temp.resolve("out/lra-image/test-mean-pool/seed-0/checkpoints");
        String stateBefore = Files.readString(checkpoints.resolve("latest/state.json"));

        try (LraBench bench = bench(Map.of("lra.profiles.smoke.training.learning-rate", 0.123))) {
            assertThatThrownBy(() -> run(bench, request, TrialListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(checkpoints.toString())
                    .hasMessageContaining("step 6")
                    .hasMessageContaining("learning-rate")
                    .hasMessageContaining("0.123");
        }
        assertThat(Files.readString(checkpoints.resolve("latest/state.json"))).isEqualTo(stateBefore);
        assertThat(temp.resolve("out/lra-image/test-second/seed-0")).doesNotExist();

        try (LraBench bench = bench(Map.of("lra.profiles.smoke.training.budget-minutes", 99))) {
            List<RunResult> results = run(bench, request, TrialListener.NONE);
            assertThat(results).allMatch(RunResult::isCompleted);
            assertThat(results.get(0).notes()).anyMatch(n -> n.contains("resumed from the checkpoint at step 6"));
        }
    }

    @Test
    void anOutputFolderHeldByAnotherRunIsRefused() {
        Path out = temp.resolve("out");
        try (OutputLock held = OutputLock.acquire(out); LraBench bench = bench(Map.of())) {
            assertThat(held).isNotNull();
            assertThatThrownBy(() -> run(bench, request(List.of("test-mean-pool"), 1), TrialListener.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("held by another run");
        }
    }

    @Test
    void unknownModelsAreListedBeforeAnyTraining() {
        try (LraBench bench = bench(Map.of())) {
            assertThatThrownBy(() -> bench.plan(request(List.of("nope", "test-second", "other"), 1)))
                    .hasMessageContaining("unknown model 'nope'")
                    .hasMessageContaining("unknown model 'other'")
                    .hasMessageContaining("known models:");
            assertThat(temp.resolve("out")).doesNotExist();
        }
    }
}
