package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.stats.PredictionAccuracy;
import dev.lighttrack.bench.stats.RankCorrelation;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Checks a table against reality: measures random subnets end to end on the target the table is for and
 * compares the predictions with the measurements, and MACs as a proxy with the same rank statistics.
 */
public final class LutValidator {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final ModelResolver models;
    private final BatchMeasurer measurer;
    private final LutProgress progress;

    public LutValidator(BenchmarkTarget target, RunSettings settings, ModelResolver models, int batchSize,
                        LutProgress progress) {
        this.target = target;
        this.settings = settings;
        this.models = models;
        this.measurer = new BatchMeasurer(target, settings, batchSize, progress);
        this.progress = progress;
    }

    /** One validated subnet (µs). */
    public record Row(String arch, long macs, double predictedUs, double measuredUs, long samples) {
        public double errorPct() {
            return (predictedUs - measuredUs) / measuredUs * 100;
        }
    }

    /** The rows and their statistics; {@code inFitSet} counts subnets the table's overhead was fitted to. */
    public record Result(List<Row> rows, PredictionAccuracy accuracy, double macsKendallTau, double macsSpearmanRho,
                         int inFitSet) {
    }

    /** {@code count} distinct subnets of the table's space, drawn with {@code seed}. */
    public static List<Architecture> sample(LutTable table, int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("--samples must be at least 2 to compute rank statistics, got " + count);
        }
        ArchSampler sampler = new ArchSampler(table.key().space());
        Random rng = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        List<Architecture> archs = new ArrayList<>();
        while (archs.size() < count) {
            Architecture a = sampler.sample(rng);
            if (seen.add(ArchStringCodec.format(a))) {
                archs.add(a);
            }
        }
        return archs;
    }

    public Result validate(LutTable table, String tableFile, List<Architecture> archs) {
        LutKey here = LutKey.of(target.info(), settings, table.key().runnerVersion(), table.key().space(),
                table.key().searchSize(), table.key().templateSize());
        table.key().requireMatchesBesidesRunner(here, tableFile);
        LatencyPredictor predictor = new LatencyPredictor(table);
        // predict first: a table that cannot predict these subnets should fail before minutes of measuring
        List<LatencyPredictor.Prediction> predictions = archs.stream().map(predictor::predict).toList();
        List<Row> rows = new ArrayList<>();
        progress.planned("validation", archs.size(), 0);
        List<Integer> indices = java.util.stream.IntStream.range(0, archs.size()).boxed().toList();
        measurer.measure("lut validate", indices,
                i -> models.fromArch(ArchStringCodec.format(archs.get(i)), table.key().searchSize(), 0), 0,
                archs.size(), (i, raw) -> {
                    table.key().requireMatches(here.withRunnerVersion(raw.runnerVersion()), tableFile);
                    SampleStats stats = SampleStats.of(raw.samplesNs());
                    Architecture a = archs.get(i);
                    rows.add(new Row(ArchStringCodec.format(a), predictor.subnet(a).cost().macs(),
                            predictions.get(i).latencyUs(), stats.p50Us(), stats.count()));
                });
        double[] predicted = rows.stream().mapToDouble(Row::predictedUs).toArray();
        double[] measured = rows.stream().mapToDouble(Row::measuredUs).toArray();
        double[] macs = rows.stream().mapToDouble(Row::macs).toArray();
        int inFit = (int) rows.stream().filter(r -> table.wholeModel(r.arch()) != null).count();
        return new Result(List.copyOf(rows), PredictionAccuracy.of(predicted, measured),
                RankCorrelation.kendallTau(macs, measured), RankCorrelation.spearmanRho(macs, measured), inFit);
    }
}
