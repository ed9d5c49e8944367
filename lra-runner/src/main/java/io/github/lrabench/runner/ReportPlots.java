package io.github.lrabench.runner;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's PNG plots with XChart, per protocol: {@code curves-<protocol>.png} (validation accuracy against
 * training minutes, every model of the protocol in one chart) and {@code cost-<protocol>.png} (test accuracy against
 * training minutes). Each summary row has one colour, its seeds one line each in it; reference rows are dashed lines
 * (diamonds in the cost plot) and say {@code reference} in the legend. Series follow the summary's order.
 */
final class ReportPlots {

    /** How reference rows are drawn, as a phrase for the summary. */
    static final String REFERENCE_STYLE = "reference rows (family `reference`) are dashed lines in the curves and"
            + " diamonds in the cost plot, marked `reference` in the legend";

    /**
     * Writes both plots of every protocol with a completed trial.
     *
     * @param rows the summary rows, in the order the legend should follow
     * @param results the results behind them
     * @param dir the folder
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    List<Path> write(List<SummaryRow> rows, List<RunResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<SummaryRow>> byProtocol = new LinkedHashMap<>();
        rows.stream().filter(r -> r.seeds() > 0)
                .forEach(r -> byProtocol.computeIfAbsent(r.protocol(), k -> new ArrayList<>()).add(r));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<SummaryRow>> entry : byProtocol.entrySet()) {
            written.add(save(curves(entry.getKey(), entry.getValue(), results),
                    dir.resolve("curves-" + entry.getKey())));
            written.add(save(cost(entry.getKey(), entry.getValue(), results), dir.resolve("cost-" + entry.getKey())));
        }
        return written;
    }

    /**
     * Builds the curves chart of one protocol.
     *
     * @param protocol the protocol
     * @param rows its rows with a completed seed
     * @param results all results (each row's completed seeds are drawn)
     * @return the chart
     */
    static XYChart curves(String protocol, List<SummaryRow> rows, List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(1000).height(620)
                .title("Validation accuracy during training (" + protocol + "; reference rows dashed)")
                .xAxisTitle("training minutes (on the budget clock)").yAxisTitle("validation accuracy (%)").build();
        chart.getStyler().setMarkerSize(4);
        Color[] colors = chart.getStyler().getSeriesColors();
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow row = rows.get(i);
            List<RunResult> seeds = SuiteSummary.resultsOf(row, results).stream()
                    .filter(r -> r.isCompleted() && !r.curve().isEmpty()).toList();
            for (int s = 0; s < seeds.size(); s++) {
                RunResult r = seeds.get(s);
                double[] x = r.curve().stream().mapToDouble(p -> p.clockSeconds() / 60).toArray();
                double[] y = r.curve().stream().mapToDouble(p -> 100 * p.validationAccuracy()).toArray();
                String name = s == 0 ? legendName(row, seeds.size())
                        : row.model() + " " + row.profile() + " seed " + r.trial().seed();
                XYSeries series = chart.addSeries(name, x, y);
                series.setLineColor(colors[i % colors.length]);
                series.setMarkerColor(colors[i % colors.length]);
                series.setMarker(row.isReference() ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                series.setLineStyle(row.isReference() ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
                series.setShowInLegend(s == 0);
            }
        }
        return chart;
    }

    /**
     * Builds the cost chart of one protocol: each completed seed's test accuracy against its minutes.
     *
     * @param protocol the protocol
     * @param rows its rows with a completed seed
     * @param results all results
     * @return the chart
     */
    static XYChart cost(String protocol, List<SummaryRow> rows, List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(1000).height(620)
                .title("Test accuracy (at best validation) against training cost (" + protocol + ")")
                .xAxisTitle("training minutes (on the budget clock)").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        Color[] colors = chart.getStyler().getSeriesColors();
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow row = rows.get(i);
            List<RunResult> seeds = SuiteSummary.resultsOf(row, results).stream().filter(RunResult::isCompleted)
                    .toList();
            double[] x = seeds.stream().mapToDouble(r -> r.budgetClockSeconds() / 60).toArray();
            double[] y = seeds.stream().mapToDouble(r -> 100 * r.testAccuracyAtBest()).toArray();
            XYSeries series = chart.addSeries(legendName(row, seeds.size()), x, y);
            series.setMarker(row.isReference() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            series.setMarkerColor(colors[i % colors.length]);
        }
        return chart;
    }

    private static String legendName(SummaryRow row, int seeds) {
        return row.model() + " " + row.profile() + " (" + seeds + (seeds == 1 ? " seed" : " seeds")
                + (row.isReference() ? ", reference)" : ")");
    }

    private static Path save(XYChart chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        return withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    }
}
