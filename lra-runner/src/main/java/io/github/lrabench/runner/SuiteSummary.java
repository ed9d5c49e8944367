package io.github.lrabench.runner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Aggregates trial results into one {@link SummaryRow} per (protocol, model, profile). */
public final class SuiteSummary {

    /**
     * The order of the summary: by protocol, then best accuracy first (rows without one last), then model and
     * profile.
     */
    static final Comparator<SummaryRow> ORDER = Comparator.comparing(SummaryRow::protocol)
            .thenComparing(SummaryRow::meanTestAtBest, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(SummaryRow::model)
            .thenComparing(SummaryRow::profile);

    private SuiteSummary() {}

    /**
     * Aggregates results.
     *
     * @param results the trials' results (any order; several folders may be merged)
     * @param predecessor the predecessor project's accuracy in percent by model id
     * @return the rows in {@link #ORDER} (per protocol, best test accuracy first), each compared with the linear
     *     reference row
     */
    public static List<SummaryRow> rows(List<RunResult> results, Map<String, Double> predecessor) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparing((RunResult r) -> r.trial().protocol())
                        .thenComparing(r -> r.trial().model())
                        .thenComparing(r -> r.trial().profile())
                        .thenComparingInt(r -> r.trial().seed()))
                .forEach(r -> groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        List<SummaryRow> rows = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            rows.add(row(group, predecessor));
        }
        return rows.stream().map(r -> r.withVersusLinear(LinearComparison.verdict(r, rows))).sorted(ORDER).toList();
    }

    /**
     * Returns the results behind a row.
     *
     * @param row the row
     * @param results all results
     * @return those of the row's protocol, model and profile
     */
    static List<RunResult> resultsOf(SummaryRow row, List<RunResult> results) {
        return results.stream().filter(r -> Objects.equals(r.trial().protocol(), row.protocol())
                && Objects.equals(r.trial().model(), row.model())
                && Objects.equals(r.trial().profile(), row.profile())).toList();
    }

    /**
     * Shortens a git commit to seven hex digits, keeping a suffix such as {@code -dirty}.
     *
     * @param commit the commit as recorded
     * @return the short form, or the text as it is when it is no full hash
     */
    static String shortCommit(String commit) {
        return commit.matches("[0-9a-f]{40}.*") ? commit.substring(0, 7) + commit.substring(40) : commit;
    }

    private static String key(RunResult r) {
        return r.trial().protocol() + "|" + r.trial().model() + "|" + r.trial().profile();
    }

    private static SummaryRow row(List<RunResult> group, Map<String, Double> predecessor) {
        RunResult first = group.get(0);
        List<RunResult> done = group.stream().filter(RunResult::isCompleted).toList();
        List<String> reasons = group.stream().filter(r -> !r.isCompleted())
                .map(r -> "seed " + r.trial().seed() + ": " + r.failureReason()).toList();
        Long parameters = group.stream().map(RunResult::parameters).filter(p -> p != null).findFirst().orElse(null);
        Integer testSize = done.stream().map(RunResult::samples).filter(Objects::nonNull)
                .map(SampleCounts::testSize).min(Integer::compare).orElse(null);
        List<Double> accuracies = done.stream().map(r -> 100 * r.testAccuracyAtBest()).toList();
        List<SampleCounts> counted = done.stream().map(RunResult::samples).filter(Objects::nonNull).toList();
        Double epochsSeen = counted.isEmpty() ? null
                : counted.stream().mapToDouble(SampleCounts::epochsSeen).average().orElseThrow();
        return new SummaryRow(first.trial().model(), first.family(), first.trial().protocol(),
                first.trial().profile(), first.budgetMinutes(),
                first.paper() == null ? null : first.paper().accuracy(),
                first.paper() == null ? "" : first.paper().taskVariant(),
                predecessor.get(first.trial().model()), done.size(), group.size() - done.size(),
                done.isEmpty() ? null : 100 * mean(done, RunResult::testAccuracyAtBest),
                done.isEmpty() ? 0 : 100 * std(done, RunResult::testAccuracyAtBest),
                done.isEmpty() ? null : 100 * mean(done, RunResult::testAccuracyFinal),
                done.isEmpty() ? null : 100 * mean(done, RunResult::bestValidationAccuracy),
                parameters, done.isEmpty() ? 0 : mean(done, RunResult::trainSamplesPerSecond),
                mean(group, r -> r.budgetClockSeconds() / 60), mean(group, RunResult::stepsCompleted),
                String.join("; ", reasons), "-",
                first.provenance() == null ? "" : first.provenance().pluginsFolder().orElse(""),
                AccuracyInterval.of(accuracies, testSize).orElse(null), epochsSeen, commits(group));
    }

    /** The seeds' short commits; when they differ, each with its seeds ({@code abc1234 (seeds 0, 1), ...}). */
    private static String commits(List<RunResult> group) {
        Map<String, List<String>> seedsByCommit = group.stream().collect(Collectors.groupingBy(
                r -> r.provenance() == null ? "?" : shortCommit(r.provenance().gitCommit()), LinkedHashMap::new,
                Collectors.mapping(r -> Integer.toString(r.trial().seed()), Collectors.toList())));
        if (seedsByCommit.size() == 1) {
            return seedsByCommit.keySet().iterator().next();
        }
        return seedsByCommit.entrySet().stream()
                .map(e -> e.getKey() + " (seed" + (e.getValue().size() > 1 ? "s " : " ")
                        + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    static double mean(List<RunResult> results, ToDoubleFunction<RunResult> value) {
        return results.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    static double std(List<RunResult> results, ToDoubleFunction<RunResult> value) {
        if (results.size() < 2) {
            return 0;
        }
        double mean = mean(results, value);
        double sum = results.stream().mapToDouble(value).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sum / (results.size() - 1));
    }
}
