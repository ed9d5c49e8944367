package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.PluginJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the result.json schema to a golden file. After an intended schema change (and a bump of
 * RunResult.SCHEMA_VERSION), regenerate it with
 * {@code ./mvnw -pl lra-runner test -Dtest=ResultSchemaTest -Dgolden.regenerate=true}.
 */
class ResultSchemaTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/result.json");

    @TempDir
    Path temp;

    static RunResult sample() {
        Provenance provenance = new Provenance("training { steps = 10 }", "0123abc", "0.1.0", "0.36.0", "PyTorch",
                "2.7.1", "Vendor 17", "Linux 6 amd64", "Some CPU", 2, "default",
                "gpu(0): NVIDIA A100-SXM4-40GB, compute capability 8.0, 39.4 GiB, CUDA 12.8", "synthetic", "2026-01-01T00:00:00Z",
                List.of(new PluginJar("/opt/lra/plugins/fnet.jar", "ab12", "1.2.0", "/opt/lra/plugins")));
        return new RunResult(RunResult.SCHEMA_VERSION, new TrialSpec(3, "fnet", "scifar", "cpu", 1), "fourier",
                "cpu", 1, RunResult.COMPLETED, "", List.of("stopped by the 60.0-minute budget at step 8 of 10"),
                120_522L, 72_000_000L, 8, 10, 60, true, new TrainingSchedule(TrainingSchedule.CALIBRATED, 10, 4, 1,
                        new TrainingSchedule.Calibration(0.5, 20.0, 30.0, 10, 256, 3600, 3570, null, "cpu"),
                        new TrainingSchedule.Replan(4, 0.45, 19.0, 9, 4)), 123.5, 2_000_000_000L, 3600.25, 6, 0.4, 0.39, 0.38, 0.37,
                List.of(new EvalPoint(4, 1000.5, 2.1, 0.2, 0.3, 1e-3, null), new EvalPoint(8, 3500.0, 1.9, 0.3, 0.38, 5e-4, null)),
                new PaperResult(38.67, "LRA Image", "Lee-Thorp et al. 2022"), provenance,
                new SampleCounts(256, 45_000, 5_000, 10_000));
    }

    @Test
    void jsonMatchesTheGoldenFile() throws Exception {
        String json = new ResultFiles().toJson(sample());
        if (Boolean.getBoolean("golden.regenerate")) {
            Files.writeString(GOLDEN, json);
        }
        assertThat(json).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void writeThenReadGivesTheSameResult() {
        ResultFiles files = new ResultFiles();
        Path file = temp.resolve("a/b/result.json");
        files.write(file, sample());
        assertThat(files.read(file)).isEqualTo(sample());
        assertThat(ResultFiles.find(List.of(temp))).containsExactly(file);
    }

    @Test
    void aDamagedResultFileIsNamed() throws Exception {
        Path file = temp.resolve("result.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"trial\": ");
        assertThatThrownBy(() -> new ResultFiles().read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " is not a valid result.json at line 1")
                .hasMessageNotContaining("[Source:")
                .hasMessageNotContaining("com.fasterxml");
        Files.writeString(file, "{\"schemaVersion\": 1, \"trial\": {\"index\": \"x\"}}");
        assertThatThrownBy(() -> new ResultFiles().read(file))
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("io.github.lrabench")
                .hasMessageNotContaining("[Source:");
    }

    @Test
    void reportOnADamagedResultNamesTheFileAsAUserError() throws Exception {
        Path file = temp.resolve("runs/fnet/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"schemaVersion\": 1, \"tri");
        CliRun run = CliRun.of("report", temp.resolve("runs").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString()).contains("not a valid result.json")
                .doesNotContain("\tat ").doesNotContain("com.fasterxml");
    }

    @Test
    void aResultWrittenBeforePluginsWereRecordedReadsWithNoPlugins() throws Exception {
        String json = new ResultFiles().toJson(sample()).replaceAll("(?s),\\s*\"plugins\" : \\[.*?\\]", "");
        assertThat(json).doesNotContain("plugins");
        Path file = temp.resolve("old/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        assertThat(new ResultFiles().read(file).provenance().plugins()).isEmpty();
    }

    @Test
    void aResultWrittenBeforeSampleCountsWereRecordedReadsWithoutThem() throws Exception {
        String json = new ResultFiles().toJson(sample()).replaceAll("(?s),\\s*\"samples\" : \\{.*?\\}", "");
        assertThat(json).doesNotContain("samples\"").doesNotContain("testSize");
        Path file = temp.resolve("old/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        RunResult old = new ResultFiles().read(file);
        assertThat(old.samples()).isNull();
        assertThat(old.testAccuracyAtBest()).isEqualTo(sample().testAccuracyAtBest());
    }

    @Test
    void wallClockViewReadsTheBestValidationWithinATime() {
        RunResult cutByBudget = sample();
        assertThat(WallClockView.validationAt(cutByBudget, 999)).isEmpty();
        assertThat(WallClockView.validationAt(cutByBudget, 1200))
                .contains(new WallClockView.Reading(0.3, false, 1));
        assertThat(WallClockView.validationAt(cutByBudget, 3600))
                .contains(new WallClockView.Reading(0.38, false, 1));
        assertThat(WallClockView.validationAt(cutByBudget, 4000))
                .as("stopped by its budget at 3600.25 s: nothing is known of later").isEmpty();
    }

    @Test
    void theTimeViewReadsEachTrialsBudgetClockWhereRecorded() {
        RunResult s = sample();
        // CPU time: the trial's evaluations at 600 and 1900 CPU-seconds (1000.5 and 3500 s of wall-clock time)
        List<EvalPoint> cpuCurve = List.of(new EvalPoint(4, 1000.5, 2.1, 0.2, 0.3, 1e-3, 600.0),
                new EvalPoint(8, 3500.0, 1.9, 0.3, 0.38, 5e-4, 1900.0));
        RunResult onCpuTime = new RunResult(s.schemaVersion(), s.trial(), s.family(), s.variant(),
                s.protocolVersion(), s.status(), s.failureReason(), List.of(), s.parameters(),
                s.forwardFlopsPerSample(), 10, 10, s.budgetMinutes(), false, s.schedule(), s.trainSamplesPerSecond(),
                s.peakMemoryBytes(), s.wallSeconds(), s.bestStep(), s.bestValidationAccuracy(),
                s.testAccuracyAtBest(), s.finalValidationAccuracy(), s.testAccuracyFinal(), cpuCurve,
                s.paper(), s.provenance(), s.samples());
        assertThat(onCpuTime.budgetClockSeconds()).isEqualTo(1900.0);
        assertThat(s.budgetClockSeconds()).as("no clock recorded: the wall clock").isEqualTo(3600.25);
        assertThat(WallClockView.validationAt(onCpuTime, 700)).contains(new WallClockView.Reading(0.3, false, 1));
        assertThat(WallClockView.validationAt(onCpuTime, 2000)).contains(new WallClockView.Reading(0.38, true, 1));
    }

    @Test
    void wallClockViewGivesAFinishedScheduleItsFinalBestAndMarksIt() {
        RunResult s = sample();
        RunResult finished = new RunResult(s.schemaVersion(), s.trial(), s.family(), s.variant(),
                s.protocolVersion(), s.status(), s.failureReason(), List.of(), s.parameters(),
                s.forwardFlopsPerSample(), 10, 10, s.budgetMinutes(), false, s.schedule(), s.trainSamplesPerSecond(),
                s.peakMemoryBytes(), s.wallSeconds(), s.bestStep(), s.bestValidationAccuracy(),
                s.testAccuracyAtBest(), s.finalValidationAccuracy(), s.testAccuracyFinal(), s.curve(),
                s.paper(), s.provenance(), s.samples());
        assertThat(WallClockView.validationAt(finished, 3600)).contains(new WallClockView.Reading(0.38, false, 1));
        assertThat(WallClockView.validationAt(finished, 4000)).contains(new WallClockView.Reading(0.38, true, 1));
        assertThat(WallClockView.meanValidationAt(List.of(finished, s), 1200))
                .contains(new WallClockView.Reading(0.3, false, 2));
        assertThat(WallClockView.meanValidationAt(List.of(finished, s), 4000))
                .as("only the finished trial has a reading").contains(new WallClockView.Reading(0.38, true, 1));
    }

    @Test
    void aWallClockCellAveragingFewerSeedsThanItsRowSaysHowMany() {
        RunResult s = sample();
        TrialSpec secondSeed = new TrialSpec(4, s.trial().model(), s.trial().protocol(), s.trial().profile(), 2);
        RunResult cutEarly = new RunResult(s.schemaVersion(), secondSeed, s.family(), s.variant(),
                s.protocolVersion(), s.status(), s.failureReason(), s.notes(), s.parameters(),
                s.forwardFlopsPerSample(), 4, 10, s.budgetMinutes(), true, s.schedule(), s.trainSamplesPerSecond(),
                s.peakMemoryBytes(), 1500.0, 4, 0.3, 0.29, 0.3, 0.29, List.of(s.curve().get(0)), s.paper(),
                s.provenance(), s.samples());
        new ReportWriter(java.util.Map.of()).write(List.of(s, cutEarly), temp);
        assertThat(temp.resolve("summary.md")).content()
                .as("at 30 and 60 minutes only the first seed has a reading; at 10 neither has")
                .contains("| fnet | scifar | cpu | - | 30.00% (1 of 2 seeds) | 38.00% (1 of 2 seeds) |");
    }

    @Test
    void aReportMergesTheSameModelAndSeedUnderTwoProfiles() {
        RunResult s = sample();
        TrialSpec longTrial = new TrialSpec(s.trial().index(), s.trial().model(), s.trial().protocol(), "long",
                s.trial().seed());
        RunResult longRun = new RunResult(s.schemaVersion(), longTrial, s.family(), s.variant(), s.protocolVersion(),
                s.status(), s.failureReason(), s.notes(), s.parameters(), s.forwardFlopsPerSample(),
                s.stepsCompleted(), s.stepsPlanned(), 480, s.stoppedByBudget(), s.schedule(), s.trainSamplesPerSecond(),
                s.peakMemoryBytes(), s.wallSeconds(), s.bestStep(), s.bestValidationAccuracy(),
                s.testAccuracyAtBest(), s.finalValidationAccuracy(), s.testAccuracyFinal(), s.curve(), s.paper(),
                s.provenance(), s.samples());
        List<Path> written = new ReportWriter(java.util.Map.of()).write(List.of(s, longRun), temp);
        assertThat(written).contains(temp.resolve("curves-scifar.png"), temp.resolve("cost-scifar.png"));
        assertThat(temp.resolve("summary.md")).content().contains("| fnet | fourier | cpu (60 min)")
                .contains("| fnet | fourier | long (480 min)");
    }
}
