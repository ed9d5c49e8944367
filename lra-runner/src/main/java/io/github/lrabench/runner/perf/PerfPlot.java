package io.github.lrabench.runner.perf;

import java.awt.Color;
import java.io.IOException;
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
 * Draws {@code length-scaling.png}: training time per sample against sequence length on log-log axes, one line per
 * provider (and engine), with dashed guides of slope 1 (O(L)) and 2 (O(L²)) so that the growth orders can be read
 * off.
 */
final class PerfPlot {

    private PerfPlot() {}

    /**
     * Renders the plot.
     *
     * @param report the report
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    static byte[] lengthScalingPng(PerfReport report) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(report), BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(PerfReport report) {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Training time per sample against sequence length (" + report.protocol() + ", variant "
                        + report.variant() + ")")
                .xAxisTitle("sequence length L").yAxisTitle("ms per training sample").build();
        chart.getStyler().setMarkerSize(7);
        boolean multipleEngines = report.lengthScaling().stream().map(LengthPoint::engine).distinct().count() > 1;
        Map<String, List<LengthPoint>> series = new LinkedHashMap<>();
        for (LengthPoint p : report.lengthScaling()) {
            if (p.ok()) {
                String name = multipleEngines ? p.model() + " (" + p.engine() + ")" : p.model();
                series.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
            }
        }
        if (series.isEmpty()) {
            chart.setTitle(chart.getTitle() + ": nothing measured");
            return chart;
        }
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        double minLength = Double.MAX_VALUE;
        double maxLength = 0;
        double logSum = 0;
        int atMin = 0;
        for (Map.Entry<String, List<LengthPoint>> entry : series.entrySet()) {
            double[] x = entry.getValue().stream().mapToDouble(LengthPoint::length).toArray();
            double[] y = entry.getValue().stream().mapToDouble(p -> 1000 * p.secondsPerSample().median()).toArray();
            chart.addSeries(entry.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
            for (double length : x) {
                minLength = Math.min(minLength, length);
                maxLength = Math.max(maxLength, length);
            }
        }
        for (List<LengthPoint> points : series.values()) {
            for (LengthPoint p : points) {
                if (p.length() == minLength) {
                    logSum += Math.log(1000 * p.secondsPerSample().median());
                    atMin++;
                }
            }
        }
        if (maxLength > minLength && atMin > 0) {
            double anchor = Math.exp(logSum / atMin);
            guide(chart, "∝ L (guide)", minLength, maxLength, anchor, 1, SeriesLines.DOT_DOT, Color.GRAY);
            guide(chart, "∝ L² (guide)", minLength, maxLength, anchor, 2, SeriesLines.DASH_DASH, Color.DARK_GRAY);
        }
        return chart;
    }

    private static void guide(XYChart chart, String name, double from, double to, double anchor, double power,
            java.awt.BasicStroke stroke, Color color) {
        XYSeries guide = chart.addSeries(name, new double[] {from, to},
                new double[] {anchor, anchor * Math.pow(to / from, power)});
        guide.setMarker(SeriesMarkers.NONE);
        guide.setLineStyle(stroke);
        guide.setLineColor(color);
    }
}
