package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lra perf} on the runner's test-only providers, with tiny settings (no timing is asserted). */
class PerfCommandTest {

    /** Tiny settings: one timed step, a 64³ product, batches of 4 and 2 at lengths 16 and 32. */
    private static final String TINY = """
            lra.perf {
              batch-size = 4
              warmup = 0
              repeats = 1
              matmul { size = 64, warmup = 0, repeats = 1 }
              costs { bandwidth-mib = 1, dispatch-ops = 20, warmup = 0, repeats = 1 }
              length-scaling { tokens-per-batch = 64, warmup = 0, repeats = 1 }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void measuresTestProvidersAndWritesJsonMarkdownAndPlot() throws Exception {
        Path config = temp.resolve("tiny.conf");
        // test-second cannot be built (hidden = 0): reported as n/a with the provider's reason
        Files.writeString(config, TINY + "lra.models.test-second.variants.cpu.hidden = 0\n");
        Path out = temp.resolve("perf");
        CliRun run = CliRun.of("perf", "--config", config.toString(), "--models", "test-mean-pool,test-second",
                "--protocol", "scifar", "--lengths", "16,32", "--out", out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("perf.md"))).contains("## Memory bandwidth")
                .contains("## What bounds a training step (batch 4)").contains("## Where one profiled training step")
                .containsPattern("\\| test-mean-pool \\| PyTorch \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        byte[] png = Files.readAllBytes(out.resolve("length-scaling.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        JsonNode json = new ObjectMapper().readTree(out.resolve("perf.json").toFile());
        assertThat(new ObjectMapper().readTree(run.out())).isEqualTo(json);
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("protocol").asText()).isEqualTo("scifar");
        assertThat(json.path("variant").asText()).isEqualTo("cpu");
        assertThat(json.path("task").path("sequenceLength").asInt()).isEqualTo(1024);

        JsonNode matmul = json.path("matmul").get(0);
        assertThat(matmul.path("engine").asText()).isEqualTo("PyTorch");
        assertThat(matmul.path("size").asInt()).isEqualTo(64);
        assertThat(matmul.path("gflops").path("median").asDouble()).isPositive();
        assertThat(json.path("limitGflops").asDouble()).isEqualTo(matmul.path("gflops").path("median").asDouble());

        JsonNode mean = model(json, "test-mean-pool");
        assertThat(mean.path("status").asText()).isEqualTo("ok");
        assertThat(mean.path("batchSize").asInt()).isEqualTo(4);
        // cpu variant hidden = 16 on scifar: projection 3*16+16, positions 1024*16, head 16*10+10
        assertThat(mean.path("parameters").asLong()).isEqualTo(3 * 16 + 16 + 1024 * 16 + 16 * 10 + 10);
        assertThat(mean.path("forwardFlopsPerSample").asLong()).isEqualTo(2L * 1024 * 3 * 16 + 2L * 16 * 10);
        for (String field : List.of("trainSamplesPerSecond", "inferenceSamplesPerSecond")) {
            JsonNode stats = mean.path(field);
            assertThat(stats.path("n").asInt()).isEqualTo(1);
            assertThat(stats.path("median").asDouble()).isPositive();
            assertThat(stats.path("min").asDouble()).isLessThanOrEqualTo(stats.path("max").asDouble());
        }
        double trainGflops = mean.path("trainGflops").asDouble();
        assertThat(trainGflops).isCloseTo(3.0 * mean.path("forwardFlopsPerSample").asLong()
                * mean.path("trainSamplesPerSecond").path("median").asDouble() / 1e9,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mean.path("trainFractionOfLimit").asDouble())
                .isCloseTo(trainGflops / json.path("limitGflops").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        JsonNode ops = mean.path("ops");
        assertThat(ops.path("forward").asLong()).isPositive();
        assertThat(ops.path("backward").asLong()).isPositive();
        assertThat(ops.path("update").asLong()).isPositive();
        assertThat(ops.path("total").asLong())
                .isEqualTo(ops.path("forward").asLong() + ops.path("backward").asLong() + ops.path("update").asLong());
        assertThat(ops.path("forwardArrays").asInt()).isPositive();
        assertThat(ops.path("method").asText()).contains("PyTorch");
        assertThat(ops.path("bytesPerStep").asLong()).isPositive();
        assertThat(ops.path("hottest")).isNotEmpty();
        assertThat(ops.path("hottest").get(0).path("milliseconds").asDouble())
                .isLessThanOrEqualTo(ops.path("profiledMilliseconds").asDouble());

        JsonNode costs = json.path("costs").get(0);
        assertThat(costs.path("status").asText()).isEqualTo("ok");
        assertThat(costs.path("bandwidthGigabytesPerSecond").path("median").asDouble()).isPositive();
        assertThat(costs.path("dispatchMicroseconds").path("median").asDouble()).isPositive();
        JsonNode bounds = mean.path("bounds");
        assertThat(bounds.path("stepMilliseconds").asDouble())
                .isCloseTo(1000.0 * 4 / mean.path("trainSamplesPerSecond").path("median").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bounds.path("dispatchMilliseconds").asDouble()).isCloseTo(ops.path("total").asLong()
                * costs.path("dispatchMicroseconds").path("median").asDouble() / 1000,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bounds.path("bound").asText()).isIn("compute", "memory", "dispatch");

        JsonNode second = model(json, "test-second");
        assertThat(second.path("status").asText()).isEqualTo("n/a");
        assertThat(second.path("reason").asText()).contains("hidden must be >= 1");

        List<String> points = new ArrayList<>();
        for (JsonNode point : json.path("lengthScaling")) {
            points.add(point.path("model").asText() + "@" + point.path("length").asInt() + " b"
                    + point.path("batchSize").asInt() + " " + point.path("status").asText());
            if ("ok".equals(point.path("status").asText())) {
                assertThat(point.path("secondsPerSample").path("median").asDouble()).isPositive();
            }
        }
        assertThat(points).containsExactly("test-mean-pool@16 b4 ok", "test-mean-pool@32 b2 ok",
                "test-second@16 b4 n/a", "test-second@32 b2 n/a");
        JsonNode slopes = json.path("lengthSlopes");
        assertThat(slopes.get(0).path("model").asText()).isEqualTo("test-mean-pool");
        assertThat(slopes.get(0).path("slope").isNumber()).isTrue();
        assertThat(slopes.get(1).path("slope").isNull()).isTrue();
        assertThat(json.path("ratios")).isEmpty();
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
    }

    @Test
    void twoEnginesInOneRunGiveRatiosAndNameWhatIsNotExposed() throws Exception {
        Path config = temp.resolve("tiny.conf");
        Files.writeString(config, TINY);
        Path out = temp.resolve("perf");
        CliRun run = CliRun.of("perf", "--config", config.toString(), "--models", "test-mean-pool", "--engines",
                "PyTorch,MXNet", "--lengths", "16", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Practical limit")
                .contains("Engine ratio PyTorch/MXNet")
                .contains("not exposed")
                .contains("L=16 (batch 4)")
                .contains("wrote " + out.resolve("perf.json"));
        assertThat(Files.readString(out.resolve("perf.md"))).contains("| test-mean-pool | MXNet |");

        JsonNode json = new ObjectMapper().readTree(out.resolve("perf.json").toFile());
        assertThat(json.path("matmul")).hasSize(2);
        assertThat(json.path("models")).hasSize(2);
        JsonNode mxnet = json.path("models").get(1);
        assertThat(mxnet.path("engine").asText()).isEqualTo("MXNet");
        assertThat(mxnet.path("status").asText()).isEqualTo("ok");
        assertThat(mxnet.path("ops").path("total").isNull()).isTrue();
        assertThat(mxnet.path("ops").path("method").asText()).contains("not exposed by DJL MXNet");
        assertThat(mxnet.path("ops").path("forwardArrays").asInt()).isPositive();
        JsonNode ratio = json.path("ratios").get(0);
        assertThat(ratio.path("numeratorEngine").asText()).isEqualTo("PyTorch");
        assertThat(ratio.path("denominatorEngine").asText()).isEqualTo("MXNet");
        assertThat(ratio.path("train").asDouble()).isPositive();
        // the length scaling runs on the first engine only by default
        assertThat(json.path("lengthScaling")).hasSize(1);
        assertThat(json.path("lengthScaling").get(0).path("engine").asText()).isEqualTo("PyTorch");
    }

    @Test
    void unknownEngineInEnginesIsRefusedBeforeMeasuring() {
        CliRun run = CliRun.of("perf", "--engines", "PyTorch,TensorFlow", "--out", temp.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown engine 'TensorFlow'").contains("--engines")
                .contains("PyTorch, MXNet");
        assertThat(temp.resolve("perf.json")).doesNotExist();
    }

    @Test
    void engineAndEnginesTogetherAreRefused() {
        CliRun run = CliRun.of("perf", "--engine", "MXNet", "--engines", "PyTorch", "--out", temp.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--engine").contains("--engines").contains("not both");
    }

    @Test
    void unknownModelListsTheKnownOnes() throws Exception {
        Path config = temp.resolve("tiny.conf");
        Files.writeString(config, TINY);
        CliRun run = CliRun.of("perf", "--config", config.toString(), "--models", "nope", "--out", temp.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown model(s) ['nope']").contains("test-mean-pool");
    }

    private static JsonNode model(JsonNode json, String id) {
        for (JsonNode row : json.path("models")) {
            if (id.equals(row.path("model").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + json.path("models"));
    }
}
