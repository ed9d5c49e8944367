package io.github.lrabench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
            written.addAll(new ReportPlots().write(results, dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
        return written;
    }

    /**
     * Renders the markdown summary.
     *
     * @param rows the summary rows
     * @param results the results behind them (for the wall-clock view)
     * @return the markdown
     */
    public String markdown(List<SummaryRow> rows, List<RunResult> results) {
        StringBuilder md = new StringBuilder("# lra-bench results\n\n");
        md.append("Accuracy: test accuracy at the best-validation step, mean ± std over completed seeds (no ± with one"
                + " seed; final-step"
                + " test accuracy in brackets). Model selection used the validation split only. "
                + LinearComparison.RULE + "\n\n");
        md.append("| model | family | protocol | profile (budget) | paper accuracy (task) | predecessor | ours"
                + " | vs linear | seeds | params | samples/s | minutes | steps | command |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SummaryRow row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s (%.0f min) | %s | %s | %s | %s | %d%s | %s |"
                            + " %.1f | %.1f | %.0f | `%s` |%n",
                    row.isReference() ? row.model() + " (reference)" : row.model(), row.family(), row.protocol(),
                    row.profile(), row.budgetMinutes(),
                    row.paperAccuracy() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f%% (%s)", row.paperAccuracy(), row.paperTask()),
                    row.predecessorAccuracy() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", row.predecessorAccuracy()),
                    ours(row), row.versusLinear(), row.seeds(),
                    row.failed() > 0 ? " (+" + row.failed() + " failed)" : "",
                    row.parameters() == null ? "-" : String.format(Locale.ROOT, "%,d", row.parameters()),
                    row.samplesPerSecond(), row.meanMinutes(), row.meanSteps(), command(row)));
        }
        List<SummaryRow> failedRows = rows.stream().filter(r -> r.failed() > 0).toList();
        if (!failedRows.isEmpty()) {
            md.append("\n## Failed trials\n\n");
            for (SummaryRow row : failedRows) {
                md.append("- ").append(row.model()).append(" / ").append(row.protocol()).append(": ")
                        .append(row.failureReasons()).append('\n');
            }
        }
        md.append("\n## Accuracy at equal wall-clock\n\n");
        md.append("Best validation accuracy reached within each time (mean over seeds), read off the evaluation"
                + " curves; `-` where no evaluation had happened yet, or where the trial stopped earlier without"
                + " finishing its schedule (cut by its budget or interrupted). `*`: the trial finished its whole"
                + " schedule before that time, and the figure is its final best. A mean over fewer seeds than the"
                + " row has (the others without a reading) says how many.\n\n"
                + "| model | protocol | profile |");
        for (int minutes : WALL_CLOCK_MINUTES) {
            md.append(' ').append(minutes).append(" min |");
        }
        md.append("\n|---|---|---|").append("---|".repeat(WALL_CLOCK_MINUTES.length)).append('\n');
        Map<String, List<RunResult>> byModel = new TreeMap<>();
        results.stream().filter(RunResult::isCompleted).forEach(r -> byModel.computeIfAbsent(
                r.trial().protocol() + " | " + r.trial().model() + " | " + r.trial().profile(),
                k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<RunResult>> entry : byModel.entrySet()) {
            String[] key = entry.getKey().split(" \\| ");
            md.append("| ").append(key[1]).append(" | ").append(key[0]).append(" | ").append(key[2]).append(" |");
            int seeds = entry.getValue().size();
            for (int minutes : WALL_CLOCK_MINUTES) {
                md.append(WallClockView.meanValidationAt(entry.getValue(), minutes * 60.0)
                        .map(r -> String.format(Locale.ROOT, " %.2f%%%s%s |", 100 * r.accuracy(),
                                r.finishedEarlier() ? "*" : "",
                                r.trials() < seeds ? " (" + r.trials() + " of " + seeds + " seeds)" : ""))
                        .orElse(" - |"));
            }
            md.append('\n');
        }
        md.append("\n## Where the trials ran\n\n");
        Map<String, List<String>> byMachine = new TreeMap<>();
        for (RunResult r : results) {
            Provenance p = r.provenance();
            String machine = String.format(Locale.ROOT, "%s, %d cores; %s %s, DJL %s; engine threads per trial: %s",
                    p.cpu(), p.cores(), p.engine(), p.engineVersion(), p.djlVersion(), p.engineThreads());
            byMachine.computeIfAbsent(machine, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                    "%s %s seed %d (git %s)", r.trial().model(), r.trial().protocol(), r.trial().seed(),
                    shortCommit(p.gitCommit())));
        }
        byMachine.forEach((machine, trials) -> md.append("- ").append(machine).append(": ")
                .append(String.join(", ", trials)).append('\n'));
        md.append("\nPlots: `curves-<protocol>.png` (validation accuracy against training minutes),"
                + " `cost-<protocol>.png` (test accuracy against training minutes).\n");
        return md.toString();
    }

    /**
     * Renders the CSV summary.
     *
     * @param rows the rows
     * @return the CSV text
     */
    public String csv(List<SummaryRow> rows) {
        StringBuilder csv = new StringBuilder("model,family,protocol,profile,budget_minutes,paper_accuracy,"
                + "paper_task,predecessor_accuracy,seeds,failed,test_at_best_mean,test_at_best_std,test_final_mean,"
                + "best_validation_mean,parameters,samples_per_second,minutes,steps,reference,vs_linear\n");
        for (SummaryRow r : rows) {
            csv.append(String.join(",", r.model(), r.family(), r.protocol(), r.profile(), num(r.budgetMinutes()),
                    num(r.paperAccuracy()), quote(r.paperTask()), num(r.predecessorAccuracy()),
                    Integer.toString(r.seeds()), Integer.toString(r.failed()), num(r.meanTestAtBest()),
                    num(r.stdTestAtBest()), num(r.meanTestFinal()), num(r.meanBestValidation()),
                    r.parameters() == null ? "" : Long.toString(r.parameters()), num(r.samplesPerSecond()),
                    num(r.meanMinutes()), num(r.meanSteps()), Boolean.toString(r.isReference()),
                    quote(r.versusLinear()))).append('\n');
        }
        return csv.toString();
    }

    private static String shortCommit(String commit) {
        return commit.matches("[0-9a-f]{40}.*") ? commit.substring(0, 7) + commit.substring(40) : commit;
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
