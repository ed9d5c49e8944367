package io.github.lrabench.runner;

import static io.github.lrabench.runner.ReportFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

/** {@code lra report} over a tiny set of generated result files: tables per protocol, intervals, columns, plots. */
class ReportWriterTest {

    private static final String A = "a".repeat(40);

    @TempDir
    Path temp;

    private final ResultFiles files = new ResultFiles();

    private void write(Path runs, RunResult r) {
        files.write(runs.resolve(r.trial().protocol() + "/" + r.trial().model() + "/seed-" + r.trial().seed()
                + "/result.json"), r);
    }

    /** Writes a result as an older commit did, without the sample counts. */
    private void writeOld(Path runs, RunResult r) throws Exception {
        Path file = runs.resolve(r.trial().protocol() + "/" + r.trial().model() + "/seed-" + r.trial().seed()
                + "/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, files.toJson(r).replaceAll("(?s),\\s*\"samples\" : \\{.*?\\}", ""));
    }

    private List<RunResult> generated() {
        return List.of(
                result("linear", "reference", "scifar", 0, 0.39, A), result("linear", "reference", "scifar", 1, 0.40, A),
                result("linear", "reference", "scifar", 2, 0.41, A),
                result("s4d", "ssm", "scifar", 0, 0.60, A), result("s4d", "ssm", "scifar", 1, 0.62, A),
                result("s4d", "ssm", "scifar", 2, 0.64, A),
                result("cnn", "reference", "scifar", 0, 0.63, A),
                result("linear", "reference", "lra-image", 0, 0.30, A));
    }

    @Test
    void aReportOverResultFilesHasATablePerProtocolSortedByAccuracyWithIntervals() throws Exception {
        Path runs = temp.resolve("runs");
        generated().forEach(r -> write(runs, r));
        writeOld(runs, result("fnet", "fourier", "scifar", 0, 0.45, "c".repeat(40)));
        CliRun run = CliRun.of("report", runs.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        String md = Files.readString(temp.resolve("out/summary.md"));
        String scifar = md.substring(md.indexOf("\n## scifar\n"), md.indexOf("\n## Accuracy at equal time"));
        assertThat(md.indexOf("\n## lra-image\n")).isPositive().isLessThan(md.indexOf("\n## scifar\n"));
        assertThat(scifar).contains("| 95% interval | vs linear | seeds | params | minutes | epochs | samples/s"
                + " | steps | commit | command |");
        List<String> lines = scifar.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| model")).toList();
        assertThat(lines).extracting(l -> l.split(" \\| ")[0].substring(2))
                .as("best test accuracy first")
                .containsExactly("cnn (reference)", "s4d", "fnet", "linear (reference)");
        // s4d: 60, 62, 64 on 2,500 test sequences: 4.9683 (seeds) and 1.9027 (test set) → ± 5.32
        assertThat(lines.get(1)).startsWith("| s4d | ssm | cpu (60 min) | - | - | 62.00 ± 2.00% (62.00%) |"
                + " 56.68–67.32% (±5.32) | above (linear 40.00 ± 3.14%) | 3 | 1,003 | 20.0 | 2.00 | 50.0 | 100 |"
                + " aaaaaaa | `./lra bench --protocol scifar --profile cpu --models s4d --seeds 3 --data DIR` |");
        assertThat(lines.get(0)).contains("| 63.00% (63.00%) | 61.11–64.89% (±1.89) | reference row | 1 |");
        assertThat(lines.get(2)).as("an older result: no epochs, no test-set size, no interval with one seed")
                .contains("| 45.00% (45.00%) | - | no interval (mean above linear's 40.00%) | 1 |")
                .contains("| 20.0 | - | 50.0 | 100 | ccccccc |");
        assertThat(md).contains(AccuracyInterval.RULE).contains(LinearComparison.RULE)
                .contains(ReportPlots.REFERENCE_STYLE);

        String wallClock = md.substring(md.indexOf("## Accuracy at equal time"));
        assertThat(wallClock.indexOf("### lra-image")).isLessThan(wallClock.indexOf("### scifar"));
        assertThat(wallClock.lines().filter(l -> l.contains(" | scifar | cpu |")).map(l -> l.split(" \\| ")[0]))
                .containsExactly("| cnn", "| s4d", "| fnet", "| linear");
        assertThat(wallClock).contains("| s4d | scifar | cpu | 31.00% | 62.00%* | 62.00%* |");

        List<String> csv = Files.readAllLines(temp.resolve("out/summary.csv"));
        assertThat(csv.get(0)).endsWith(",vs_linear,ci95_low,ci95_high,ci95_half_width,ci95_seed_half_width,"
                + "ci95_test_half_width,test_size,epochs_seen,commits");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("s4d,ssm,scifar,cpu,")
                .endsWith(",56.6798,67.3202,5.3202,4.9683,1.9027,2500,2.0000,\"aaaaaaa\""));
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("fnet,fourier,scifar,cpu,")
                .endsWith(",,,,,,,,\"ccccccc\""));
        assertThat(temp.resolve("out/curves-scifar.png")).isNotEmptyFile();
        assertThat(temp.resolve("out/cost-lra-image.png")).isNotEmptyFile();
    }

    @Test
    void theCurvesDrawEveryModelOfAProtocolWithReferenceRowsDashedAndOneColourPerRow() {
        List<RunResult> results = generated();
        List<SummaryRow> rows = SuiteSummary.rows(results, Map.of()).stream()
                .filter(r -> r.protocol().equals("scifar")).toList();
        XYChart chart = ReportPlots.curves("scifar", rows, results);
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertThat(series).hasSize(7);
        assertThat(series.keySet()).containsExactly("cnn cpu (1 seed, reference)", "s4d cpu (3 seeds)",
                "s4d cpu seed 1", "s4d cpu seed 2", "linear cpu (3 seeds, reference)", "linear cpu seed 1",
                "linear cpu seed 2");
        assertThat(series.get("linear cpu (3 seeds, reference)").getLineStyle()).isEqualTo(SeriesLines.DASH_DASH);
        assertThat(series.get("linear cpu seed 2").getLineStyle()).isEqualTo(SeriesLines.DASH_DASH);
        assertThat(series.get("s4d cpu (3 seeds)").getLineStyle()).isEqualTo(SeriesLines.SOLID);
        assertThat(series.get("s4d cpu seed 2").getLineColor()).isEqualTo(series.get("s4d cpu (3 seeds)").getLineColor())
                .isNotEqualTo(series.get("linear cpu seed 1").getLineColor());
        assertThat(series.get("s4d cpu seed 1").isShowInLegend()).isFalse();
        assertThat(series.get("s4d cpu (3 seeds)").isShowInLegend()).isTrue();
    }
}
