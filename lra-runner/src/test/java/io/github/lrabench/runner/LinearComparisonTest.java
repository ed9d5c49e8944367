package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code vs linear} verdict of summary rows and how reports show reference rows. */
class LinearComparisonTest {

    private static SummaryRow row(String model, String family, String protocol, int seeds, double mean, double std) {
        return new SummaryRow(model, family, protocol, "cpu", 60, null, "", null, seeds, 0, mean, std, mean, mean,
                1000L, 100, 10, 100, "", "-", "");
    }

    @Test
    void twoSeedsAreComparedBeyondTheSpread() {
        SummaryRow linear = row("linear", "reference", "scifar", 2, 40, 1);
        SummaryRow above = row("s4d", "ssm", "scifar", 2, 43, 1.5);
        SummaryRow within = row("fnet", "fourier", "scifar", 2, 42.5, 1.6);
        SummaryRow below = row("pit", "attention", "scifar", 2, 30, 2);
        List<SummaryRow> rows = List.of(linear, above, within, below);
        assertThat(LinearComparison.verdict(above, rows)).isEqualTo("above (linear 40.00 ± 1.00%)");
        assertThat(LinearComparison.verdict(within, rows)).startsWith("within spread");
        assertThat(LinearComparison.verdict(below, rows)).startsWith("below");
        assertThat(LinearComparison.verdict(linear, rows)).isEqualTo("reference row");
    }

    @Test
    void oneSeedComparesMeansAndSaysSo() {
        SummaryRow linear = row("linear", "reference", "lra-image", 1, 29.9, 0);
        SummaryRow model = row("fnet", "fourier", "lra-image", 3, 38, 0.5);
        assertThat(LinearComparison.verdict(model, List.of(linear, model)))
                .isEqualTo("above (1 seed; linear 29.90%)");
    }

    @Test
    void withoutALinearRowOfTheSameProtocolThereIsNoVerdict() {
        SummaryRow linear = row("linear", "reference", "scifar", 2, 40, 1);
        SummaryRow model = row("fnet", "fourier", "pscifar", 2, 38, 0.5);
        assertThat(LinearComparison.verdict(model, List.of(linear, model))).isEqualTo("-");
    }

    @Test
    void reportsMarkReferenceRowsAndStateTheRule() {
        List<SummaryRow> rows = List.of(row("linear", "reference", "scifar", 1, 40, 0),
                row("fnet", "fourier", "scifar", 1, 45, 0)).stream()
                .map(r -> r.withVersusLinear(LinearComparison.verdict(r, List.of(
                        row("linear", "reference", "scifar", 1, 40, 0)))))
                .toList();
        ReportWriter writer = new ReportWriter(java.util.Map.of());
        String md = writer.markdown(rows, List.of());
        assertThat(md).contains(LinearComparison.RULE)
                .contains("| linear (reference) | reference | scifar |")
                .contains("| reference row |")
                .contains("| above (1 seed; linear 40.00%) |");
        List<String> csv = writer.csv(rows).lines().toList();
        assertThat(csv.get(0)).endsWith(",steps,reference,vs_linear");
        assertThat(csv.get(1)).startsWith("linear,reference,scifar").endsWith(",true,\"reference row\"");
        assertThat(csv.get(2)).startsWith("fnet,fourier").endsWith(",false,\"above (1 seed; linear 40.00%)\"");
    }
}
