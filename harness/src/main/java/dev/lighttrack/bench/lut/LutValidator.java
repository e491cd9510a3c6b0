package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.session.StoppingRule;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.errors.InvalidSetting;
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
import java.util.stream.IntStream;

/**
 * Checks a table against reality: measures random subnets end to end on the target the table is for and
 * compares the predictions with the measurements, and MACs as a proxy with the same rank statistics.
 */
public final class LutValidator {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final ModelResolver models;
    private final MeasurementPlan measurer;
    private final PlanProgress progress;

    public LutValidator(BenchmarkTarget target, RunSettings settings, ModelResolver models, int batchSize,
                        PlanProgress progress) {
        this(target, settings, models, batchSize, StoppingRule.ONCE, progress);
    }

    /** {@code rule}: every subnet measured until its median interval is narrow enough. */
    public LutValidator(BenchmarkTarget target, RunSettings settings, ModelResolver models, int batchSize,
                        StoppingRule rule, PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.models = models;
        this.measurer = new MeasurementPlan(target, settings, batchSize, rule, progress);
        this.progress = progress;
    }

    /** One validated subnet (µs); {@code retestUs} is its second measurement, null without a retest. */
    public record Row(String arch, long macs, double predictedUs, double measuredUs, long samples, Double retestUs) {
        public double errorPct() {
            return (predictedUs - measuredUs) / measuredUs * 100;
        }
    }

    /**
     * The rows and their statistics; {@code inFitSet} counts subnets the table's overhead was fitted to.
     * {@code retest} (null without one) scores the second measurement as a "prediction" of the first: the noise
     * floor of the target, which no predictor can beat.
     */
    public record Result(List<Row> rows, PredictionAccuracy accuracy, double macsKendallTau, double macsSpearmanRho,
                         int inFitSet, PredictionAccuracy retest, List<String> unconverged,
                         OpKindAttribution.Result byKind) {
    }

    /** {@code count} distinct subnets of the table's space, drawn with {@code seed}. */
    public static List<Architecture> sample(LutTable table, int count, long seed) {
        if (count < 2) {
            throw new InvalidSetting("samples", "must be at least 2 to compute rank statistics, got " + count);
        }
        return new ArchSampler(table.key().space()).distinct(count, new Random(seed));
    }

    public Result validate(LutTable table, String tableFile, List<Architecture> archs, boolean retest) {
        LutKey here = LutKey.of(target.info(), settings, table.key().runnerVersion(), table.key().space(),
                table.key().searchSize(), table.key().templateSize());
        table.key().requireMatchesBesidesRunner(here, tableFile);
        LatencyPredictor predictor = new LatencyPredictor(table);
        // predict first: a table that cannot predict these subnets should fail before minutes of measuring
        List<LatencyPredictor.Prediction> predictions = archs.stream().map(predictor::predict).toList();
        int n = archs.size();
        SampleStats[] first = new SampleStats[n];
        SampleStats[] second = new SampleStats[n];
        List<Integer> indices = IntStream.range(0, n).boxed().toList();
        Set<String> unconverged = new LinkedHashSet<>();
        measure(table, tableFile, here, archs, indices, first, false, "validation", unconverged);
        if (retest) {
            // the second pass runs backwards (batches, and the visits within each) so that drift over the run
            // does not flatter the agreement
            measure(table, tableFile, here, archs, indices, second, true, "retest", unconverged);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Architecture a = archs.get(i);
            rows.add(new Row(ArchStringCodec.format(a), predictor.subnet(a).cost().macs(),
                    predictions.get(i).latencyUs(), table.statistic().of(first[i]), first[i].count(),
                    retest ? table.statistic().of(second[i]) : null));
        }
        double[] predicted = rows.stream().mapToDouble(Row::predictedUs).toArray();
        double[] measured = rows.stream().mapToDouble(Row::measuredUs).toArray();
        double[] macs = rows.stream().mapToDouble(Row::macs).toArray();
        int inFit = (int) rows.stream().filter(r -> table.wholeModel(r.arch()) != null).count();
        PredictionAccuracy noise = retest
                ? PredictionAccuracy.of(rows.stream().mapToDouble(Row::retestUs).toArray(), measured) : null;
        return new Result(List.copyOf(rows), PredictionAccuracy.of(predicted, measured),
                RankCorrelation.kendallTau(macs, measured), RankCorrelation.spearmanRho(macs, measured), inFit, noise,
                List.copyOf(unconverged),
                OpKindAttribution.of(predictions.stream().map(LatencyPredictor.Prediction::terms).toList(), measured));
    }

    private void measure(LutTable table, String tableFile, LutKey here, List<Architecture> archs,
                         List<Integer> order, SampleStats[] into, boolean reversed, String phase,
                         Set<String> unconverged) {
        progress.planned(phase, order.size(), 0);
        List<Integer> open = measurer.measure("lut validate (" + phase + ")", order,
                i -> models.fromArch(ArchStringCodec.format(archs.get(i)), table.key().searchSize(), 0), 0,
                order.size(), reversed, (i, raw) -> {
                    table.key().requireMatches(here.withRunnerVersion(raw.runnerVersion()), tableFile);
                    into[i] = SampleStats.of(raw.samplesNs());
                });
        open.forEach(i -> unconverged.add(ArchStringCodec.format(archs.get(i))));
    }
}
