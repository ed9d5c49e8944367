package io.github.lrabench.runner.perf;

import java.util.ArrayList;
import java.util.List;

/** A table of strings rendered as fixed-width text or as a Markdown table. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Creates a table.
     *
     * @param header the column titles
     */
    TextTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException when the cell count differs from the header's
     */
    TextTable add(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
                    + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Returns the table as fixed-width text: the first column left-aligned, the others right-aligned. */
    String toText() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendText(text, header, widths);
        for (List<String> row : rows) {
            appendText(text, row, widths);
        }
        return text.toString();
    }

    /** Returns the table in Markdown (pipes in cells are escaped). */
    String toMarkdown() {
        StringBuilder text = new StringBuilder();
        appendMarkdown(text, header);
        text.append('|');
        for (int c = 0; c < header.size(); c++) {
            text.append(c == 0 ? "---|" : "---:|");
        }
        text.append('\n');
        for (List<String> row : rows) {
            appendMarkdown(text, row);
        }
        return text.toString();
    }

    private static void appendText(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? cell + pad : pad + cell);
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendMarkdown(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        text.append('\n');
    }
}
