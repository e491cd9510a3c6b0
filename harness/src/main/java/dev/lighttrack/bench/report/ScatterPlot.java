package dev.lighttrack.bench.report;

import dev.lighttrack.bench.files.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Predicted-vs-measured scatter plot with the y = x line and ±10% bands, as PNG or SVG (by file extension). */
public final class ScatterPlot {
    private ScatterPlot() {
    }

    public static void write(Path file, String title, double[] measuredMs, double[] predictedMs) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("plot file " + file + " should end in .png or .svg");
        }
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(720).height(600).title(title)
                .xAxisTitle("measured latency (ms)").yAxisTitle("predicted latency (ms)").build();
        chart.getStyler().setLegendVisible(true);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < measuredMs.length; i++) {
            lo = Math.min(lo, Math.min(measuredMs[i], predictedMs[i]));
            hi = Math.max(hi, Math.max(measuredMs[i], predictedMs[i]));
        }
        lo *= 0.9;
        hi *= 1.1;
        line(chart, "y = x", new double[] {lo, hi}, new double[] {lo, hi});
        line(chart, "+10%", new double[] {lo, hi}, new double[] {lo * 1.1, hi * 1.1});
        line(chart, "-10%", new double[] {lo, hi}, new double[] {lo * 0.9, hi * 0.9});
        XYSeries points = chart.addSeries("subnets", measuredMs, predictedMs);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String base = file.toAbsolutePath().toString();
            if (name.endsWith(".png")) {
                BitmapEncoder.saveBitmap(chart, base.substring(0, base.length() - 4), BitmapEncoder.BitmapFormat.PNG);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, base.substring(0, base.length() - 4),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + IoReason.of(e), e);
        }
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }
}
