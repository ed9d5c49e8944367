package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 95% interval of a summary row, against numbers worked out by hand. */
class AccuracyIntervalTest {

    @Test
    void oneSeedHasTheTestSetTermAlone() {
        // 1.96 · √(0.5 · 0.5 / 2500) = 1.96 · 0.01 = 0.0196 → 1.96 percentage points
        AccuracyInterval ci = AccuracyInterval.of(List.of(50.0), 2500).orElseThrow();
        assertThat(ci.seedHalfWidth()).isZero();
        assertThat(ci.testHalfWidth()).isCloseTo(1.96, within(1e-4));
        assertThat(ci.halfWidth()).isCloseTo(1.96, within(1e-4));
        assertThat(ci.low()).isCloseTo(48.04, within(1e-4));
        assertThat(ci.high()).isCloseTo(51.96, within(1e-4));
        assertThat(ci.seeds()).isEqualTo(1);
        assertThat(ci.testSize()).isEqualTo(2500);
    }

    @Test
    void severalSeedsAddTheStudentTermInQuadrature() {
        // seeds 60, 62, 64: mean 62, s = 2; t(0.975, 2) = 4.3027 → a = 4.3027 · 2 / √3 = 4.9683
        // b = 1.96 · √(0.62 · 0.38 / 10000) = 0.9513; half-width √(4.9683² + 0.9513²) = 5.0586
        AccuracyInterval ci = AccuracyInterval.of(List.of(60.0, 62.0, 64.0), 10_000).orElseThrow();
        assertThat(ci.mean()).isCloseTo(62, within(1e-9));
        assertThat(ci.seedHalfWidth()).isCloseTo(4.9683, within(1e-4));
        assertThat(ci.testHalfWidth()).isCloseTo(0.9513, within(1e-4));
        assertThat(ci.halfWidth()).isCloseTo(5.0586, within(1e-4));
        assertThat(ci.low()).isCloseTo(56.9414, within(1e-4));
        assertThat(ci.high()).isCloseTo(67.0586, within(1e-4));
        assertThat(ci.hasTestTerm()).isTrue();
    }

    @Test
    void withoutARecordedTestSizeSeveralSeedsKeepTheSeedTermAndOneSeedHasNone() {
        // seeds 40, 42: s = √2, t(0.975, 1) = 12.7062 → 12.7062 · √2 / √2
        AccuracyInterval ci = AccuracyInterval.of(List.of(40.0, 42.0), null).orElseThrow();
        assertThat(ci.halfWidth()).isCloseTo(12.7062, within(1e-9));
        assertThat(ci.hasTestTerm()).isFalse();
        assertThat(ci.testHalfWidth()).isNull();
        assertThat(AccuracyInterval.of(List.of(40.0), null)).isEmpty();
        assertThat(AccuracyInterval.of(List.of(), 10_000)).isEmpty();
    }

    @Test
    void aNonPositiveTestSizeIsRefusedByName() {
        assertThatThrownBy(() -> AccuracyInterval.of(List.of(40.0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test-set size").hasMessageContaining("0");
    }

    @Test
    void studentQuantilesMatchPrintedTablesAndApproachTheNormal() {
        assertThat(StudentT.quantile975(1)).isEqualTo(12.7062);
        assertThat(StudentT.quantile975(4)).isEqualTo(2.7764);
        assertThat(StudentT.quantile975(30)).isEqualTo(2.0423);
        // beyond the table: t(0.975, 40) = 2.0211, t(0.975, 120) = 1.9799 (printed tables)
        assertThat(StudentT.quantile975(40)).isCloseTo(2.0211, within(1e-4));
        assertThat(StudentT.quantile975(120)).isCloseTo(1.9799, within(1e-4));
        assertThat(StudentT.quantile975(100_000)).isCloseTo(1.96, within(1e-4));
        assertThatThrownBy(() -> StudentT.quantile975(0)).hasMessageContaining("degrees of freedom");
    }
}
