package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code vs linear} verdict of summary rows and how reports show reference rows. */
class LinearComparisonTest {

    static SummaryRow row(String model, String family, String protocol, List<Double> accuracies, Integer testSize) {
        double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
        double std = accuracies.size() < 2 ? 0 : Math.sqrt(squares / (accuracies.size() - 1));
        return new SummaryRow(model, family, protocol, "cpu", 60, null, "", null, accuracies.size(), 0, mean, std,
                mean, mean, 1000L, 100, 10, 100, "", "-", "",
                AccuracyInterval.of(accuracies, testSize).orElse(null), 2.5, "0123abc");
    }

    @Test
    void severalSeedsAreComparedBeyondTheIntervals() {
        // intervals worked out by hand (N = 10,000; see AccuracyIntervalTest): linear 40 ± 2.6633 → [37.34, 42.66]
        SummaryRow linear = row("linear", "reference", "scifar", List.of(39.0, 40.0, 41.0), 10_000);
        // 47 ± 2.6698 → [44.33, 49.67]: wholly above
        SummaryRow above = row("s4d", "ssm", "scifar", List.of(46.0, 47.0, 48.0), 10_000);
        // 44 ± 2.6679 → [41.33, 46.67]: overlaps, although mean − std (43) exceeds linear's mean + std (41)
        SummaryRow within = row("fnet", "fourier", "scifar", List.of(43.0, 44.0, 45.0), 10_000);
        // 31 ± 2.6444 → [28.36, 33.64]: wholly below
        SummaryRow below = row("pit", "attention", "scifar", List.of(30.0, 31.0, 32.0), 10_000);
        List<SummaryRow> rows = List.of(linear, above, within, below);
        assertThat(LinearComparison.verdict(above, rows)).isEqualTo("above (linear 40.00 ± 2.66%)");
        assertThat(LinearComparison.verdict(within, rows)).isEqualTo("within interval (linear 40.00 ± 2.66%)");
        assertThat(LinearComparison.verdict(below, rows)).isEqualTo("below (linear 40.00 ± 2.66%)");
        assertThat(LinearComparison.verdict(linear, rows)).isEqualTo("reference row");
    }

    @Test
    void oneSeedIsComparedOnTheTestSetIntervalAndSaysSo() {
        // linear 40 ± 0.9602 → [39.04, 40.96]; 43 ± 0.9703 → [42.03, 43.97]; 41.5 ± 0.9657 → [40.53, 42.47]
        SummaryRow linear = row("linear", "reference", "lra-image", List.of(40.0), 10_000);
        SummaryRow clear = row("fnet", "fourier", "lra-image", List.of(43.0), 10_000);
        SummaryRow close = row("s4d", "ssm", "lra-image", List.of(41.5), 10_000);
        List<SummaryRow> rows = List.of(linear, clear, close);
        assertThat(LinearComparison.verdict(clear, rows)).isEqualTo("above (1 seed; linear 40.00 ± 0.96%)");
        assertThat(LinearComparison.verdict(close, rows)).isEqualTo("within interval (1 seed; linear 40.00 ± 0.96%)");
    }

    @Test
    void withoutAnIntervalTheMeansAreComparedAndSaySo() {
        SummaryRow linear = row("linear", "reference", "scifar", List.of(40.0), null);
        SummaryRow model = row("fnet", "fourier", "scifar", List.of(45.0, 46.0), 10_000);
        assertThat(linear.interval()).isNull();
        assertThat(LinearComparison.verdict(model, List.of(linear, model)))
                .isEqualTo("no interval (mean above linear's 40.00%)");
    }

    @Test
    void withoutALinearRowOfTheSameProtocolThereIsNoVerdict() {
        SummaryRow linear = row("linear", "reference", "scifar", List.of(39.0, 41.0), 10_000);
        SummaryRow model = row("fnet", "fourier", "pscifar", List.of(38.0, 38.5), 10_000);
        assertThat(LinearComparison.verdict(model, List.of(linear, model))).isEqualTo("-");
    }

    @Test
    void reportsMarkReferenceRowsAndStateTheRule() {
        SummaryRow linear = row("linear", "reference", "scifar", List.of(40.0), 10_000);
        List<SummaryRow> rows = List.of(linear, row("fnet", "fourier", "scifar", List.of(45.0), 10_000)).stream()
                .map(r -> r.withVersusLinear(LinearComparison.verdict(r, List.of(linear))))
                .toList();
        ReportWriter writer = new ReportWriter(java.util.Map.of());
        String md = writer.markdown(rows, List.of());
        assertThat(md).contains(LinearComparison.RULE).contains(AccuracyInterval.RULE)
                .contains("| linear (reference) | reference | cpu (60 min) |")
                .contains("| reference row |")
                .contains("| above (1 seed; linear 40.00 ± 0.96%) |");
        List<String> csv = writer.csv(rows).lines().toList();
        assertThat(csv.get(0)).contains(",steps,reference,vs_linear,ci95_low,");
        assertThat(csv.get(1)).startsWith("linear,reference,scifar").contains(",true,\"reference row\",");
        assertThat(csv.get(2)).startsWith("fnet,fourier").contains(",false,\"above (1 seed; linear 40.00 ± 0.96%)\",");
    }
}
