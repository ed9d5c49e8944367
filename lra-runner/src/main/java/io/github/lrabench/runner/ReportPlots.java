package io.github.lrabench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the report's PNG plots with XChart. */
final class ReportPlots {

    List<Path> write(List<RunResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<RunResult>> byProtocol = new TreeMap<>();
        results.stream().filter(RunResult::isCompleted)
                .forEach(r -> byProtocol.computeIfAbsent(r.trial().protocol(), k -> new ArrayList<>()).add(r));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> entry : byProtocol.entrySet()) {
            written.add(save(curves(entry.getKey(), entry.getValue()), dir.resolve("curves-" + entry.getKey())));
            written.add(save(cost(entry.getKey(), entry.getValue()), dir.resolve("cost-" + entry.getKey())));
        }
        return written;
    }

    private static XYChart curves(String protocol, List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Validation accuracy during training (" + protocol + ")")
                .xAxisTitle("training wall-clock (minutes)").yAxisTitle("validation accuracy (%)").build();
        chart.getStyler().setMarkerSize(4);
        for (RunResult r : results) {
            double[] x = r.curve().stream().mapToDouble(p -> p.elapsedSeconds() / 60).toArray();
            double[] y = r.curve().stream().mapToDouble(p -> 100 * p.validationAccuracy()).toArray();
            chart.addSeries(r.trial().model() + " " + r.trial().profile() + " seed " + r.trial().seed(), x, y);
        }
        return chart;
    }

    private static XYChart cost(String protocol, List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Test accuracy (at best validation) against training cost (" + protocol + ")")
                .xAxisTitle("training wall-clock (minutes)").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        Map<String, List<RunResult>> byModel = new TreeMap<>();
        results.forEach(r -> byModel.computeIfAbsent(r.trial().model() + " " + r.trial().profile(),
                k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<RunResult>> entry : byModel.entrySet()) {
            double[] x = entry.getValue().stream().mapToDouble(r -> r.wallSeconds() / 60).toArray();
            double[] y = entry.getValue().stream().mapToDouble(r -> 100 * r.testAccuracyAtBest()).toArray();
            chart.addSeries(entry.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static Path save(XYChart chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        return withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    }
}
