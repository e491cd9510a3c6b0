package dev.lighttrack.bench.report;

import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.search.Candidate;
import dev.lighttrack.bench.search.SearchState;
import dev.lighttrack.bench.search.SearchSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A search's two pictures: {@code pareto.png}, every evaluated candidate's latency against its fitness with the
 * budget line, candidates within LightTrack's MACs ≤ 600M drawn apart from the rest; {@code generations.png}, the
 * best and median fitness of each generation.
 */
public final class SearchPlots {
    private SearchPlots() {
    }

    public static void write(Path dir, SearchState s) {
        System.setProperty("java.awt.headless", "true");
        List<Candidate> scored = s.candidates().stream().filter(c -> c.fitness() != null && c.latency() != null)
                .toList();
        XYChart pareto = new XYChartBuilder().width(800).height(600)
                .title("search: fitness against latency p50")
                .xAxisTitle("latency p50 (ms)").yAxisTitle("fitness (" + s.fitness() + ")").build();
        points(pareto, "MACs <= 600M", scored, c -> c.macs() <= SearchSummary.PAPER_MACS);
        points(pareto, "MACs > 600M", scored, c -> c.macs() > SearchSummary.PAPER_MACS);
        double lo = scored.stream().mapToDouble(Candidate::fitness).min().orElse(0);
        double hi = scored.stream().mapToDouble(Candidate::fitness).max().orElse(1);
        double budgetMs = s.settings().budgetUs() / 1000;
        line(pareto, "budget " + budgetMs + " ms", new double[] {budgetMs, budgetMs}, new double[] {lo, hi});
        save(pareto, dir.resolve("pareto.png"));

        XYChart gens = new XYChartBuilder().width(800).height(500).title("search: fitness per generation")
                .xAxisTitle("generation").yAxisTitle("fitness").build();
        List<SearchState.GenerationSummary> g = s.generations().stream().filter(x -> x.bestFitness() != null).toList();
        if (!g.isEmpty()) {
            double[] x = g.stream().mapToDouble(SearchState.GenerationSummary::generation).toArray();
            line(gens, "best", x, g.stream().mapToDouble(SearchState.GenerationSummary::bestFitness).toArray());
            line(gens, "median", x, g.stream().mapToDouble(SearchState.GenerationSummary::medianFitness).toArray());
        }
        save(gens, dir.resolve("generations.png"));
    }

    private static void points(XYChart chart, String name, List<Candidate> all, Predicate<Candidate> which) {
        List<Candidate> c = all.stream().filter(which).toList();
        if (c.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, c.stream().mapToDouble(x -> x.latency().p50Us() / 1000).toArray(),
                c.stream().mapToDouble(Candidate::fitness).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static void save(XYChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String base = file.toAbsolutePath().toString();
            BitmapEncoder.saveBitmap(chart, base.substring(0, base.length() - 4), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + IoReason.of(e), e);
        }
    }
}
