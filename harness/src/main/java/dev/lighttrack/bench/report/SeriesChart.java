package dev.lighttrack.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layout of one series' inline SVG chart of fps over its runs, for the report's template to draw (the
 * template engine escapes every text): one point per run, evenly spaced in time order, a line through them, a
 * dashed line at each change point and a marker over each run of a failed check. The y axis spans the series' fps
 * with a margin. Coordinates are strings with one decimal.
 */
public record SeriesChart(int width, int height, int left, int right, int top, int bottom, List<Tick> ticks,
                          String trend, List<Change> changes, List<Point> points, int runs) {
    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    /** A run: its fps and tooltip, in; where it is drawn and whether a failed check marks it, out. */
    public record Run(double fps, String label, boolean failedCheck) {
    }

    public record Tick(String y, String text) {
    }

    public record Change(String x, String title) {
    }

    public record Point(String cx, String cy, String label, boolean failedCheck, String marker) {
    }

    public static SeriesChart of(List<Run> runs, Set<Integer> changesBefore) {
        double lo = runs.stream().mapToDouble(Run::fps).min().orElse(0);
        double hi = runs.stream().mapToDouble(Run::fps).max().orElse(1);
        double pad = Math.max((hi - lo) * 0.1, Math.max(hi, 1) * 0.01);
        double low = Math.max(0, lo - pad);
        double high = hi + pad;
        List<Tick> ticks = new ArrayList<>();
        for (double v : new double[] {low, (low + high) / 2, high}) {
            ticks.add(new Tick(f(y(v, low, high) + 4), String.format(Locale.ROOT, "%.1f", v)));
        }
        List<Change> changes = new ArrayList<>();
        for (int i : changesBefore.stream().sorted().toList()) {
            changes.add(new Change(f((x(i - 1, runs.size()) + x(i, runs.size())) / 2),
                    "change point before run " + i));
        }
        StringBuilder trend = new StringBuilder();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double px = x(i, runs.size());
            double py = y(runs.get(i).fps(), low, high);
            trend.append(f(px)).append(',').append(f(py)).append(' ');
            points.add(new Point(f(px), f(py), runs.get(i).label(), runs.get(i).failedCheck(),
                    "M" + f(px) + " " + f(py - 6) + " l-5 -9 h10 z"));
        }
        return new SeriesChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, ticks,
                trend.toString().strip(), changes, points, runs.size());
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double x(int i, int n) {
        int width = WIDTH - LEFT - RIGHT;
        return n <= 1 ? LEFT + width / 2.0 : LEFT + 8 + i * (width - 16) / (double) (n - 1);
    }

    private static double y(double v, double lo, double hi) {
        return HEIGHT - BOTTOM - (v - lo) / (hi - lo) * (HEIGHT - BOTTOM - TOP);
    }
}
