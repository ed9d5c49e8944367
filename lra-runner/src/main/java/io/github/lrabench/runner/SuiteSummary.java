package io.github.lrabench.runner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Aggregates trial results into one {@link SummaryRow} per (protocol, model, profile). */
public final class SuiteSummary {

    private SuiteSummary() {}

    /**
     * Aggregates results.
     *
     * @param results the trials' results (any order; several folders may be merged)
     * @param predecessor the predecessor project's accuracy in percent by model id
     * @return the rows, sorted by protocol then model, each compared with the linear reference row
     */
    public static List<SummaryRow> rows(List<RunResult> results, Map<String, Double> predecessor) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparing((RunResult r) -> r.trial().protocol())
                        .thenComparing(r -> r.trial().model())
                        .thenComparing(r -> r.trial().profile())
                        .thenComparingInt(r -> r.trial().seed()))
                .forEach(r -> groups.computeIfAbsent(
                        r.trial().protocol() + "|" + r.trial().model() + "|" + r.trial().profile(),
                        k -> new ArrayList<>()).add(r));
        List<SummaryRow> rows = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            rows.add(row(group, predecessor));
        }
        return rows.stream().map(r -> r.withVersusLinear(LinearComparison.verdict(r, rows))).toList();
    }

    private static SummaryRow row(List<RunResult> group, Map<String, Double> predecessor) {
        RunResult first = group.get(0);
        List<RunResult> done = group.stream().filter(RunResult::isCompleted).toList();
        List<String> reasons = group.stream().filter(r -> !r.isCompleted())
                .map(r -> "seed " + r.trial().seed() + ": " + r.failureReason()).toList();
        Long parameters = group.stream().map(RunResult::parameters).filter(p -> p != null).findFirst().orElse(null);
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
                mean(group, r -> r.wallSeconds() / 60), mean(group, RunResult::stepsCompleted),
                String.join("; ", reasons), "-",
                first.provenance() == null ? "" : first.provenance().pluginsFolder().orElse(""));
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
