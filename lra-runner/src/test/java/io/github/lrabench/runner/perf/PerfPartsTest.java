package io.github.lrabench.runner.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of {@code lra perf} that need no engine: settings, statistics, op counting, slopes, tables. */
class PerfPartsTest {

    private static Config perf(String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        PerfSettings settings = PerfSettings.from(perf(""));
        assertThat(settings.engines()).containsExactly("PyTorch");
        assertThat(settings.profile()).isEqualTo("cpu");
        assertThat(settings.batchSize()).isEqualTo(32);
        assertThat(settings.lengths()).containsExactly(256, 1024, 4096);
        assertThat(settings.matmulSize()).isEqualTo(2048);
        assertThat(settings.out()).isEqualTo("results/perf");
        // long sequences get smaller batches: 16384 tokens per batch, capped at batch-size
        assertThat(settings.lengthBatch(256)).isEqualTo(32);
        assertThat(settings.lengthBatch(1024)).isEqualTo(16);
        assertThat(settings.lengthBatch(4096)).isEqualTo(4);
        assertThat(settings.lengthBatch(100_000)).isEqualTo(1);
        assertThat(settings.lengthEngines()).containsExactly("PyTorch");
        assertThat(settings.pathKeys()).containsExactly("attention-path", "level-path");
    }

    @Test
    void aModelIsForcedToItsFullPathOnlyWhereItsBlockChoosesAuto() {
        List<String> keys = List.of("attention-path", "level-path");
        Config auto = ConfigFactory.parseString("attention-path = auto, dropout = 0.1");
        assertThat(PathChoice.forcedFull(auto, keys)).hasValueSatisfying(forced -> {
            assertThat(forced.getString("attention-path")).isEqualTo("full");
            assertThat(forced.getDouble("dropout")).isEqualTo(0.1);
        });
        assertThat(PathChoice.forcedFull(ConfigFactory.parseString("level-path = full"), keys)).isEmpty();
        assertThat(PathChoice.forcedFull(ConfigFactory.parseString("hidden-size = 3"), keys)).isEmpty();
        ModelPerf full = new ModelPerf("transformer", "attention", "PyTorch", PerfStatus.OK, "", 1L, 2L, 32, null,
                null, null, null, null, null, null, null, 0, null, "full");
        assertThat(full.label()).isEqualTo("transformer [full]");
        ModelPerf plain = new ModelPerf("fnet", "fourier", "PyTorch", PerfStatus.OK, "", 1L, 2L, 32, null, null,
                null, null, null, null, null, null, 0, null, "");
        assertThat(plain.label()).isEqualTo("fnet");
    }

    @Test
    void enginesAreCanonicalisedAndLengthsSortedOnce() {
        PerfSettings settings = PerfSettings.from(perf(
                "lra.perf { engines = [mxnet, PYTORCH, MXNet], lengths = [64, 16, 64], length-scaling.all-engines = true }"));
        assertThat(settings.engines()).containsExactly("MXNet", "PyTorch");
        assertThat(settings.lengths()).containsExactly(16, 64);
        assertThat(settings.lengthEngines()).containsExactly("MXNet", "PyTorch");
    }

    @Test
    void badSettingsAreReportedTogetherNamingEachKey() {
        assertThatThrownBy(() -> PerfSettings.from(perf(
                "lra.perf { repeats = 0, batch-size = -1, lengths = [], engines = [TensorFlow], matmul.size = many }")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.perf.repeats must be >= 1 but was 0")
                .hasMessageContaining("lra.perf.batch-size must be >= 1 but was -1")
                .hasMessageContaining("lra.perf.lengths must name at least one length")
                .hasMessageContaining("unknown engine 'TensorFlow'")
                .hasMessageContaining("lra.perf.matmul.size");
    }

    @Test
    void statsGiveMedianQuartilesAndRange() {
        Stats stats = Stats.of(5, 1, 4, 2, 3);
        assertThat(stats.median()).isEqualTo(3);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(5);
        assertThat(stats.q1()).isEqualTo(2);
        assertThat(stats.q3()).isEqualTo(4);
        assertThat(Stats.of(1, 2).median()).isEqualTo(1.5);
        Stats inverse = stats.map(v -> 1 / v);
        assertThat(inverse.min()).isEqualTo(0.2);
        assertThat(inverse.max()).isEqualTo(1.0);
        assertThatThrownBy(Stats::of).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEventsNoOtherEventOfTheirThreadEnclosesAreCountedAndTimed() throws Exception {
        String trace = """
                [
                 {"name": "aten::mm", "ph": "X", "ts": 1.0, "dur": 2.0, "tid": 1},
                 {"name": "aten::matmul", "ph": "X", "ts": 0.5, "dur": 3.0, "tid": 1},
                 {"name": "aten::tanh", "ph": "X", "ts": 4.0, "dur": 1.0, "tid": 1},
                 {"name": "evaluate_function: TanhBackward0", "ph": "X", "ts": 6.0, "dur": 2.0, "tid": 1},
                 {"name": "aten::tanh_backward", "ph": "X", "ts": 6.0, "dur": 1.0, "tid": 1},
                 {"name": "aten::add", "ph": "X", "ts": 1.0, "dur": 1.0, "tid": 2},
                 {"name": "aten::tanh", "ph": "X", "ts": 9.5, "dur": 4.0, "tid": 2},
                 {"name": "instant", "ph": "i", "ts": 9.0, "tid": 1}
                ]
                """;
        // matmul (holding mm), tanh, the backward node (holding tanh_backward) on thread 1; add, tanh on thread 2
        OpTally tally = PyTorchOpCounter.tallyTopLevel(new ObjectMapper().readTree(trace));
        assertThat(tally.count()).isEqualTo(5);
        List<OpTime> hottest = tally.hottest(2);
        assertThat(hottest).extracting(OpTime::name, OpTime::calls)
                .containsExactly(tuple("aten::tanh", 2L), tuple("aten::matmul", 1L));
        assertThat(hottest.get(0).milliseconds()).isCloseTo(0.005, offset(1e-12));
        assertThat(tally.milliseconds()).isCloseTo(0.011, offset(1e-12));
        OpTally twice = OpTally.sum(List.of(tally, tally));
        assertThat(twice.bytes()).isEqualTo(2 * tally.bytes());
        assertThat(twice.count()).isEqualTo(10);
        assertThat(twice.hottest(1).get(0).calls()).isEqualTo(4);
        assertThat(twice.hottest(1).get(0).milliseconds()).isCloseTo(0.010, offset(1e-12));
    }

    @Test
    void kernelBytesAreTheTensorInputsReadPlusTheMemoryAllocated() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode add = mapper.readTree("""
                {"name": "aten::add", "shape": [[1024, 1024], [1024, 1024], []], "cpu mem": "4.00 Mb"}
                """);
        assertThat(PyTorchOpCounter.kernelBytes("aten::add", add)).isEqualTo(3L * 4 * 1024 * 1024);
        JsonNode freeing = mapper.readTree("""
                {"name": "aten::sum", "shape": [[256]], "cpu mem": "-1.00 Kb"}
                """);
        assertThat(PyTorchOpCounter.kernelBytes("aten::sum", freeing)).isEqualTo(4L * 256);
        JsonNode view = mapper.readTree("""
                {"name": "aten::view", "shape": [[1024, 1024], [2]], "cpu mem": "0 b"}
                """);
        assertThat(PyTorchOpCounter.kernelBytes("aten::view", view)).isZero();
    }

    @Test
    void onlyInnermostEventsCountTheirBytes() throws Exception {
        String trace = """
                [
                 {"name": "aten::matmul", "ph": "X", "ts": 0.0, "dur": 10.0, "tid": 1, "shape": [[8], [8]],
                  "cpu mem": "64 b"},
                 {"name": "aten::mm", "ph": "X", "ts": 1.0, "dur": 5.0, "tid": 1, "shape": [[4], [4]],
                  "cpu mem": "16 b"},
                 {"name": "aten::tanh", "ph": "X", "ts": 20.0, "dur": 1.0, "tid": 1, "shape": [[2]], "cpu mem": "8 b"}
                ]
                """;
        OpTally tally = PyTorchOpCounter.tallyTopLevel(new ObjectMapper().readTree(trace));
        // mm (inside matmul): 8 floats read + 16 bytes; tanh: 2 floats + 8 bytes; matmul itself is not a kernel
        assertThat(tally.bytes()).isEqualTo(8 * 4 + 16 + 2 * 4 + 8);
        assertThat(tally.count()).isEqualTo(2);
    }

    @Test
    void theLargestBoundNamesWhatBindsTheStep() {
        // batch 32 at 100 samples/s: 320 ms; 1 MFLOP/sample x3 x32 at 1 GFLOP/s: 96 ms; 1 GB at 10 GB/s: 100 ms;
        // 5000 ops x 40 µs: 200 ms
        StepBounds bounds = StepBounds.of(32, 100, 1_000_000L, 1.0, 1_000_000_000L, 10.0, 5000L, 40.0);
        assertThat(bounds.stepMilliseconds()).isCloseTo(320, offset(1e-9));
        assertThat(bounds.computeMilliseconds()).isCloseTo(96, offset(1e-9));
        assertThat(bounds.memoryMilliseconds()).isCloseTo(100, offset(1e-9));
        assertThat(bounds.dispatchMilliseconds()).isCloseTo(200, offset(1e-9));
        assertThat(bounds.bound()).isEqualTo("dispatch");
        assertThat(bounds.stepOverBound()).isCloseTo(1.6, offset(1e-9));

        StepBounds unknown = StepBounds.of(32, 100, null, null, null, null, null, null);
        assertThat(unknown.bound()).isEmpty();
        assertThat(unknown.stepOverBound()).isNull();
    }

    @Test
    void slopeRecoversTheGrowthOrder() {
        List<LengthPoint> linear = List.of(point(256, 1e-3), point(1024, 4e-3), point(4096, 16e-3));
        List<LengthPoint> quadratic = List.of(point(256, 1e-3), point(1024, 16e-3),
                new LengthPoint("m", "PyTorch", 4096, 1, PerfStatus.NOT_APPLICABLE, "too long", null, null, 0));
        assertThat(PerfRunner.slope("m", "PyTorch", linear).slope()).isCloseTo(1.0, offset(1e-9));
        LengthSlope two = PerfRunner.slope("m", "PyTorch", quadratic);
        assertThat(two.slope()).isCloseTo(2.0, offset(1e-9));
        assertThat(two.points()).isEqualTo(2);
        assertThat(PerfRunner.slope("m", "PyTorch", List.of(point(256, 1e-3))).slope()).isNull();
    }

    @Test
    void tablesRenderAsAlignedTextAndMarkdown() {
        TextTable table = new TextTable("model", "value").add("fnet", "1.5").add("a|b", "10");
        assertThat(table.toText()).isEqualTo("model  value\nfnet     1.5\na|b       10\n");
        assertThat(table.toMarkdown()).isEqualTo(
                "| model | value |\n|---|---:|\n| fnet | 1.5 |\n| a\\|b | 10 |\n");
        assertThatThrownBy(() -> table.add("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    private static LengthPoint point(int length, double seconds) {
        return new LengthPoint("m", "PyTorch", length, 1, PerfStatus.OK, "", Stats.of(seconds), null, 0);
    }
}
