package io.github.lrabench.runner;

import static io.github.lrabench.runner.ReportFixtures.failed;
import static io.github.lrabench.runner.ReportFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregation of results into summary rows: order, intervals, epochs and commits. */
class SuiteSummaryTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);

    @Test
    void rowsAreSortedByAccuracyWithinEachProtocol() {
        List<RunResult> results = List.of(
                result("linear", "reference", "scifar", 0, 0.40, A),
                result("fnet", "fourier", "scifar", 0, 0.45, A),
                result("s4d", "ssm", "scifar", 0, 0.60, A),
                failed("pit", "attention", "scifar", 0),
                result("linear", "reference", "lra-image", 0, 0.30, A),
                result("fnet", "fourier", "lra-image", 0, 0.20, A));
        List<SummaryRow> rows = SuiteSummary.rows(results, Map.of());
        assertThat(rows).extracting(r -> r.protocol() + "/" + r.model())
                .containsExactly("lra-image/linear", "lra-image/fnet", "scifar/s4d", "scifar/fnet", "scifar/linear",
                        "scifar/pit");
    }

    @Test
    void aRowHoldsItsIntervalEpochsAndCommit() {
        // two seeds of 60% and 62% on 2,500 test sequences: s = √2, a = 12.7062 · √2 / √2 = 12.7062,
        // b = 1.96 · √(0.61 · 0.39 / 2500) = 1.9120; √(a² + b²) = 12.8493
        List<RunResult> results = List.of(
                result("fnet", "fourier", "scifar", 0, 0.60, A, new SampleCounts(800, 400, 100, 2_500)),
                result("fnet", "fourier", "scifar", 1, 0.62, A, new SampleCounts(1_200, 400, 100, 2_500)));
        SummaryRow row = SuiteSummary.rows(results, Map.of()).get(0);
        assertThat(row.interval().mean()).isCloseTo(61, within(1e-9));
        assertThat(row.interval().seedHalfWidth()).isCloseTo(12.7062, within(1e-4));
        assertThat(row.interval().testHalfWidth()).isCloseTo(1.9120, within(1e-4));
        assertThat(row.interval().halfWidth()).isCloseTo(12.8493, within(1e-4));
        assertThat(row.epochsSeen()).as("(800/400 + 1200/400) / 2").isCloseTo(2.5, within(1e-12));
        assertThat(row.commits()).isEqualTo("aaaaaaa");
    }

    @Test
    void seedsAtDifferentCommitsListThemWithTheirSeeds() {
        List<RunResult> results = List.of(result("fnet", "fourier", "scifar", 0, 0.60, A),
                result("fnet", "fourier", "scifar", 1, 0.61, B + "-dirty"),
                result("fnet", "fourier", "scifar", 2, 0.62, A));
        assertThat(SuiteSummary.rows(results, Map.of()).get(0).commits())
                .isEqualTo("aaaaaaa (seeds 0, 2), bbbbbbb-dirty (seed 1)");
    }

    @Test
    void resultsWithoutSampleCountsHaveNoEpochsAndNoTestTerm() {
        List<RunResult> old = List.of(result("fnet", "fourier", "scifar", 0, 0.60, A, null),
                result("fnet", "fourier", "scifar", 1, 0.62, A, null),
                result("cnn", "reference", "scifar", 0, 0.63, A, null));
        List<SummaryRow> rows = SuiteSummary.rows(old, Map.of());
        SummaryRow twoSeeds = rows.stream().filter(r -> r.model().equals("fnet")).findFirst().orElseThrow();
        SummaryRow oneSeed = rows.stream().filter(r -> r.model().equals("cnn")).findFirst().orElseThrow();
        assertThat(twoSeeds.epochsSeen()).isNull();
        assertThat(twoSeeds.interval().hasTestTerm()).isFalse();
        assertThat(twoSeeds.interval().halfWidth()).isCloseTo(12.7062, within(1e-4));
        assertThat(oneSeed.interval()).isNull();
        assertThat(oneSeed.meanTestAtBest()).isCloseTo(63, within(1e-9));
    }

    @Test
    void epochsSeenIsSamplesSeenOverTheTrainingSplit() {
        assertThat(new SampleCounts(45_000 * 3 + 4_500, 45_000, 5_000, 10_000).epochsSeen())
                .isCloseTo(3.1, within(1e-12));
        assertThat(new SampleCounts(10, 0, 0, 0).epochsSeen()).isNaN();
    }
}
