package io.github.lrabench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a suite's {@code summary.md}, {@code summary.csv} and PNG plots from its results alone, so that {@code lra
 * report} can rebuild them from JSON files copied from any number of machines.
 */
public final class ReportWriter {

    /** Minutes at which the wall-clock view reads each model's validation accuracy. */
    public static final int[] WALL_CLOCK_MINUTES = {10, 30, 60};

    private final Map<String, Double> predecessor;

    /**
     * Creates the writer.
     *
     * @param predecessor the predecessor project's accuracy in percent by model id
     */
    public ReportWriter(Map<String, Double> predecessor) {
        this.predecessor = Map.copyOf(predecessor);
    }

    /**
     * Writes every report file into a folder.
     *
     * @param results the results
     * @param dir the folder
     * @return the files written
     */
    public List<Path> write(List<RunResult> results, Path dir) {
        List<SummaryRow> rows = SuiteSummary.rows(results, predecessor);
        List<Path> written = new ArrayList<>();
        try {
            written.add(writeText(dir.resolve("summary.md"), markdown(rows, results)));
            written.add(writeText(dir.resolve("summary.csv"), csv(rows)));
            written.addAll(new ReportPlots().write(rows, results, dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
        return written;
    }

    /**
     * Renders the markdown summary: one accuracy table per protocol, rows sorted by test accuracy (best first, the
     * order of {@link SuiteSummary#rows}), then the failed trials, the accuracy at equal wall-clock per protocol in
     * the same order, and where the trials ran.
     *
     * @param rows the summary rows, in {@link SuiteSummary#ORDER}
     * @param results the results behind them (for the wall-clock view and the machines)
     * @return the markdown
     */
    public String markdown(List<SummaryRow> rows, List<RunResult> results) {
        StringBuilder md = new StringBuilder("# lra-bench results\n\n");
        md.append("Accuracy (`ours`): test accuracy at the best-validation step, mean ± std over completed seeds (no ±"
                + " with one seed; final-step test accuracy in brackets). Model selection used the validation split"
                + " only. One table per protocol, rows sorted by `ours`, best first. "
                + AccuracyInterval.RULE + " " + LinearComparison.RULE + "\n\n"
                + "Other columns: `minutes`: minutes of a trial on the clock its budget counts (`training.budget-clock`:"
                + " the process's CPU time unless the profile says `wall`), evaluations included, mean"
                + " over seeds; `epochs`: training samples seen ÷ training-set size, mean over"
                + " seeds (`-` where the result files do not record them); `samples/s`: training throughput"
                + " (evaluation excluded); `steps`: optimiser steps, mean over seeds; `commit`: the git commit the"
                + " seeds ran at (each with its seeds when they differ).\n");
        Map<String, List<SummaryRow>> byProtocol = byProtocol(rows);
        for (Map.Entry<String, List<SummaryRow>> section : byProtocol.entrySet()) {
            md.append("\n## ").append(section.getKey()).append("\n\n");
            md.append("| model | family | profile (budget) | paper accuracy (task) | predecessor | ours | 95% interval"
                    + " | vs linear | seeds | params | minutes | epochs | samples/s | steps | commit | command |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (SummaryRow row : section.getValue()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s (%.0f min) | %s | %s | %s | %s | %s | %d%s | %s"
                                + " | %.1f | %s | %.1f | %.0f | %s | `%s` |%n",
                        row.isReference() ? row.model() + " (reference)" : row.model(), row.family(), row.profile(),
                        row.budgetMinutes(),
                        row.paperAccuracy() == null ? "-"
                                : String.format(Locale.ROOT, "%.2f%% (%s)", row.paperAccuracy(), row.paperTask()),
                        row.predecessorAccuracy() == null ? "-"
                                : String.format(Locale.ROOT, "%.2f%%", row.predecessorAccuracy()),
                        ours(row), interval(row.interval()), row.versusLinear(), row.seeds(),
                        row.failed() > 0 ? " (+" + row.failed() + " failed)" : "",
                        row.parameters() == null ? "-" : String.format(Locale.ROOT, "%,d", row.parameters()),
                        row.meanMinutes(),
                        row.epochsSeen() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.epochsSeen()),
                        row.samplesPerSecond(), row.meanSteps(), row.commits(), command(row)));
            }
        }
        List<SummaryRow> failedRows = rows.stream().filter(r -> r.failed() > 0).toList();
        if (!failedRows.isEmpty()) {
            md.append("\n## Failed trials\n\n");
            for (SummaryRow row : failedRows) {
                md.append("- ").append(row.model()).append(" / ").append(row.protocol()).append(": ")
                        .append(row.failureReasons()).append('\n');
            }
        }
        md.append("\n## Accuracy at equal time\n\n");
        md.append("Best validation accuracy reached within each time on the trial's budget clock (CPU time unless"
                + " the profile says `wall`; results from before the clock was recorded: wall-clock; mean over seeds),"
                + " read off the evaluation"
                + " curves; `-` where no evaluation had happened yet, or where the trial stopped earlier without"
                + " finishing its schedule (cut by its budget or interrupted). `*`: the trial finished its whole"
                + " schedule before that time, and the figure is its final best. A mean over fewer seeds than the"
                + " row has (the others without a reading) says how many. Rows in the order of the accuracy"
                + " tables.\n");
        for (Map.Entry<String, List<SummaryRow>> section : byProtocol.entrySet()) {
            List<SummaryRow> completedRows = section.getValue().stream().filter(r -> r.seeds() > 0).toList();
            if (completedRows.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(section.getKey()).append("\n\n| model | protocol | profile |");
            for (int minutes : WALL_CLOCK_MINUTES) {
                md.append(' ').append(minutes).append(" min |");
            }
            md.append("\n|---|---|---|").append("---|".repeat(WALL_CLOCK_MINUTES.length)).append('\n');
            for (SummaryRow row : completedRows) {
                List<RunResult> done = SuiteSummary.resultsOf(row, results).stream()
                        .filter(RunResult::isCompleted).toList();
                md.append("| ").append(row.model()).append(" | ").append(row.protocol()).append(" | ")
                        .append(row.profile()).append(" |");
                for (int minutes : WALL_CLOCK_MINUTES) {
                    md.append(WallClockView.meanValidationAt(done, minutes * 60.0)
                            .map(r -> String.format(Locale.ROOT, " %.2f%%%s%s |", 100 * r.accuracy(),
                                    r.finishedEarlier() ? "*" : "",
                                    r.trials() < done.size() ? " (" + r.trials() + " of " + done.size() + " seeds)"
                                            : ""))
                            .orElse(" - |"));
                }
                md.append('\n');
            }
        }
        md.append("\n## Where the trials ran\n\n");
        Map<String, List<String>> byMachine = new TreeMap<>();
        for (RunResult r : results) {
            Provenance p = r.provenance();
            String machine = String.format(Locale.ROOT, "%s, %d cores; %s %s, DJL %s; engine threads per trial: %s",
                    p.cpu(), p.cores(), p.engine(), p.engineVersion(), p.djlVersion(), p.engineThreads());
            byMachine.computeIfAbsent(machine, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                    "%s %s seed %d (git %s)", r.trial().model(), r.trial().protocol(), r.trial().seed(),
                    SuiteSummary.shortCommit(p.gitCommit())));
        }
        byMachine.forEach((machine, trials) -> md.append("- ").append(machine).append(": ")
                .append(String.join(", ", trials)).append('\n'));
        md.append("\nPlots: `curves-<protocol>.png` (validation accuracy against training minutes, every model of the"
                + " protocol in one chart, one line per seed in its model's colour) and `cost-<protocol>.png` (test"
                + " accuracy against training minutes); " + ReportPlots.REFERENCE_STYLE + ".\n");
        return md.toString();
    }

    /**
     * Renders the CSV summary, rows in the order given; the columns after {@code vs_linear} were added with the 95%
     * interval (empty where a row has none).
     *
     * @param rows the rows
     * @return the CSV text
     */
    public String csv(List<SummaryRow> rows) {
        StringBuilder csv = new StringBuilder("model,family,protocol,profile,budget_minutes,paper_accuracy,"
                + "paper_task,predecessor_accuracy,seeds,failed,test_at_best_mean,test_at_best_std,test_final_mean,"
                + "best_validation_mean,parameters,samples_per_second,minutes,steps,reference,vs_linear,"
                + "ci95_low,ci95_high,ci95_half_width,ci95_seed_half_width,ci95_test_half_width,test_size,"
                + "epochs_seen,commits\n");
        for (SummaryRow r : rows) {
            AccuracyInterval ci = r.interval();
            csv.append(String.join(",", r.model(), r.family(), r.protocol(), r.profile(), num(r.budgetMinutes()),
                    num(r.paperAccuracy()), quote(r.paperTask()), num(r.predecessorAccuracy()),
                    Integer.toString(r.seeds()), Integer.toString(r.failed()), num(r.meanTestAtBest()),
                    num(r.stdTestAtBest()), num(r.meanTestFinal()), num(r.meanBestValidation()),
                    r.parameters() == null ? "" : Long.toString(r.parameters()), num(r.samplesPerSecond()),
                    num(r.meanMinutes()), num(r.meanSteps()), Boolean.toString(r.isReference()),
                    quote(r.versusLinear()),
                    ci == null ? "" : num(ci.low()), ci == null ? "" : num(ci.high()),
                    ci == null ? "" : num(ci.halfWidth()), ci == null ? "" : num(ci.seedHalfWidth()),
                    ci == null ? "" : num(ci.testHalfWidth()),
                    ci == null || ci.testSize() == null ? "" : Integer.toString(ci.testSize()),
                    num(r.epochsSeen()), quote(r.commits()))).append('\n');
        }
        return csv.toString();
    }

    private static Map<String, List<SummaryRow>> byProtocol(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> byProtocol = new LinkedHashMap<>();
        rows.forEach(r -> byProtocol.computeIfAbsent(r.protocol(), k -> new ArrayList<>()).add(r));
        return byProtocol;
    }

    private static String interval(AccuracyInterval interval) {
        if (interval == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f–%.2f%% (±%.2f)%s", interval.low(), interval.high(),
                interval.halfWidth(), interval.hasTestTerm() ? "" : "†");
    }

    private static String ours(SummaryRow row) {
        if (row.meanTestAtBest() == null) {
            return "failed";
        }
        if (row.seeds() == 1) {
            // one seed has no spread to show
            return String.format(Locale.ROOT, "%.2f%% (%.2f%%)", row.meanTestAtBest(), row.meanTestFinal());
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f%% (%.2f%%)", row.meanTestAtBest(), row.stdTestAtBest(),
                row.meanTestFinal());
    }

    private static String command(SummaryRow row) {
        return "./lra bench --protocol " + row.protocol() + " --profile " + row.profile() + " --models "
                + row.model() + " --seeds " + (row.seeds() + row.failed()) + " --data DIR"
                + (row.pluginsFolder().isEmpty() ? "" : " --plugins " + row.pluginsFolder());
    }

    private static String num(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static Path writeText(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
