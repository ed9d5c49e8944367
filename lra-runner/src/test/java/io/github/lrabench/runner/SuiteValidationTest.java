package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite checks every trial before the first one trains: the problems of all trials come in one error, nothing is
 * trained, written or deleted; a valid suite trains exactly what it trained without the check.
 */
class SuiteValidationTest {

    @TempDir
    Path temp;

    private static LraBench bench(Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(Map.of("lra.engine", "PyTorch"));
        overrides.putAll(extra);
        return LraBench.open(Optional.empty(), Optional.empty(), overrides);
    }

    private SuiteRequest request(List<String> models, int seeds, Path out, boolean fresh) {
        return new SuiteRequest(List.of("lra-image"), "smoke", models, 0, seeds, out, OptionalInt.empty(), fresh);
    }

    /** Records every callback, so that a test can assert that nothing started or stepped. */
    private static final class Recorder implements TrialListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(TrialSpec trial, int fromStep, int totalSteps) {
            events.add("started " + trial.model());
        }

        @Override
        public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
            events.add("step " + step);
        }

        @Override
        public void finished(RunResult result) {
            events.add("finished " + result.trial().model());
        }

        @Override
        public void kept(TrialSpec trial, RunResult result, Path trialDir) {
            events.add("kept " + trial.model());
        }
    }

    @Test
    void badKeysOfTwoModelsAreReportedTogetherBeforeAnyTraining() {
        Path out = temp.resolve("out");
        Recorder listener = new Recorder();
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.hidden", -1,
                "lra.profiles.smoke.models.test-second.training.batch-size", 0))) {
            SuiteValidationException e = catchThrowableOfType(SuiteValidationException.class, () -> bench.run(
                    request(List.of("test-mean-pool", "test-second"), 2, out, false),
                    new GeneratedData(bench.context().task("lra-image")), listener));
            assertThat(e).as("the suite is refused").isNotNull();
            assertThat(e.problems().keySet()).extracting(t -> t.model() + " " + t.seed())
                    .containsExactly("test-mean-pool 0", "test-mean-pool 1", "test-second 0", "test-second 1");
            assertThat(e.problems().get(e.problems().keySet().iterator().next())).singleElement().asString()
                    .contains("model 'test-mean-pool' (variant cpu) cannot be built")
                    .contains("lra.models.test-mean-pool.hidden must be >= 1 but was -1");
            assertThat(e.getMessage()).startsWith("4 of 4 trial(s) cannot run; nothing was trained")
                    .contains("trial 0: test-mean-pool, lra-image, seed 0")
                    .contains("trial 3: test-second, lra-image, seed 1")
                    .contains("batch-size must be > 0 but was 0");
        }
        assertThat(listener.events).as("no trial started, stepped or finished").isEmpty();
        assertThat(out).as("nothing written: no folder, no lock, no trial folder").doesNotExist();
    }

    @Test
    void aProviderThatCannotBuildAMissingVariantAndABadDataBlockAreListedAndNothingIsDeleted() throws Exception {
        Path out = temp.resolve("out");
        try (LraBench bench = bench(Map.of())) {
            assertThat(bench.run(request(List.of("test-second"), 1, out, false),
                    new GeneratedData(bench.context().task("lra-image")), TrialListener.NONE))
                    .singleElement().matches(RunResult::isCompleted);
        }
        Path kept = out.resolve("lra-image/test-second/seed-0");
        String resultBefore = Files.readString(kept.resolve(ResultFiles.RESULT_FILE));
        List<String> filesBefore = files(out);
        Recorder listener = new Recorder();
        try (LraBench bench = bench(Map.of("lra.models.test-mean-pool.fail-at-create", true,
                "lra.profiles.smoke.models.test-second.variant", "nope",
                "lra.profiles.smoke.data.caps.test", 0))) {
            // the configuration's own data source: its data block is read, nothing is generated
            SuiteValidationException e = catchThrowableOfType(SuiteValidationException.class, () -> bench.run(
                    request(List.of("test-mean-pool", "test-second"), 1, out, true),
                    bench.dataSource(Optional.empty()), listener));
            assertThat(e).as("the suite is refused").isNotNull();
            List<List<String>> problems = List.copyOf(e.problems().values());
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).anyMatch(p -> p.contains("cannot be built")
                    && p.contains("fail-at-create"));
            assertThat(problems).allMatch(list -> list.stream().anyMatch(p -> p.contains(".caps.test: must be >= 1")
                    && p.contains("but was 0")));
            assertThat(problems.get(1)).anyMatch(p -> p.contains("lra.profiles.smoke.models.test-second.variant")
                    && p.contains("has no variant 'nope'"));
        }
        assertThat(listener.events).isEmpty();
        assertThat(Files.readString(kept.resolve(ResultFiles.RESULT_FILE))).as("--fresh deleted nothing")
                .isEqualTo(resultBefore);
        assertThat(files(out)).as("no file added, removed or rewritten").isEqualTo(filesBefore);
    }

    /** Every file under a folder with its size and modification time. */
    private static List<String> files(Path folder) throws java.io.IOException {
        try (var walk = Files.walk(folder)) {
            return walk.sorted().map(p -> {
                try {
                    return folder.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void theCommandLineExitsWithTheConfigurationErrorStatusNamingEveryTrial() throws Exception {
        Path config = temp.resolve("bad.conf");
        Files.writeString(config, "lra.models.test-mean-pool.hidden = -1\n"
                + "lra.profiles.smoke.models.test-second.training { batch-size = 0, learning-rate = -1 }\n");
        Path out = temp.resolve("cli");
        CliRun run = CliRun.of("bench", "--profile", "smoke", "--protocol", "lra-image", "--models",
                "test-mean-pool,test-second", "--config", config.toString(), "--out", out.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(io.github.lrabench.runner.cli.LraCommand.USER_ERROR);
        assertThat(run.err()).contains("2 of 2 trial(s) cannot run").contains("hidden must be >= 1 but was -1")
                .contains("batch-size must be > 0 but was 0").contains("learning-rate must be > 0 but was -1")
                .doesNotContain("internal error");
        assertThat(out).doesNotExist();
    }

    @Test
    void theCheckChangesNothingATrialComputes() throws Exception {
        // the same trial run alone, without the suite's check, and through a suite that first builds both models
        // (drawing from the engine's random generator): the same parameters, step by step the same losses
        Path alone = temp.resolve("alone");
        Path suite = temp.resolve("suite");
        List<Double> aloneLosses = new ArrayList<>();
        List<Double> suiteLosses = new ArrayList<>();
        try (LraBench bench = bench(Map.of())) {
            GeneratedData data = new GeneratedData(bench.context().task("lra-image"));
            TrialSpec trial = bench.plan(request(List.of("test-second"), 1, alone, false)).trial(0);
            new TrialRunner(bench.context()).run(trial, data.load(trial), alone.resolve(trial.relativeDirectory()),
                    losses(aloneLosses), new StopRequest());
            List<RunResult> results = bench.run(request(List.of("test-mean-pool", "test-second"), 1, suite, false),
                    data, losses(suiteLosses));
            assertThat(results).allMatch(RunResult::isCompleted);
        }
        assertThat(aloneLosses).hasSize(12);
        assertThat(suiteLosses.subList(12, 24)).as("the losses of test-second").isEqualTo(aloneLosses);
        Path params = Path.of("lra-image/test-second/seed-0/checkpoints/latest/model-0000.params");
        assertThat(Files.readAllBytes(suite.resolve(params))).isEqualTo(Files.readAllBytes(alone.resolve(params)));
    }

    private static TrialListener losses(List<Double> sink) {
        return new TrialListener() {
            @Override
            public void stepped(int step, double loss, double accuracy, double samplesPerSecond) {
                sink.add(loss);
            }
        };
    }
}
