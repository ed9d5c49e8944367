package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.ModelSummary;
import java.util.List;
import java.util.Locale;

/** Renders {@link ModelSummary} rows as a fixed-width text table. */
final class ModelTable {

    private ModelTable() {}

    static String render(List<ModelSummary> rows, String engine) {
        StringBuilder text = new StringBuilder();
        String format = "%-16s %-10s %12s %12s  %-52s %s%n";
        text.append(String.format(Locale.ROOT, format, "id", "family", "params", "fwd GFLOP", "paper accuracy (task)",
                "runs on " + engine));
        if (rows.isEmpty()) {
            text.append("(no model providers found: add model jars to the class path or use --plugins DIR)\n");
        }
        for (ModelSummary row : rows) {
            String params = row.parameters().isPresent() ? String.format(Locale.ROOT, "%,d", row.parameters().getAsLong()) : "-";
            String flops = row.forwardFlops().isPresent()
                    ? String.format(Locale.ROOT, "%.3f", row.forwardFlops().getAsLong() / 1e9) : "-";
            String paper = row.paper()
                    .map(p -> String.format(Locale.ROOT, "%.2f%% (%s)", p.accuracy(), p.taskVariant()))
                    .orElse("-");
            String runs = row.runnable() ? "yes" : "no";
            if (!row.note().isEmpty()) {
                runs += ": " + row.note();
            }
            if (!"class path".equals(row.origin())) {
                runs += " [" + row.origin() + "]";
            }
            text.append(String.format(Locale.ROOT, format, row.id(), row.family(), params, flops, paper, runs));
        }
        return text.toString();
    }
}
