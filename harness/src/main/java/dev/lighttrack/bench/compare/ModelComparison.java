package dev.lighttrack.bench.compare;

import dev.lighttrack.bench.ci.Comparison;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.session.PlanProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code bench compare} on one target: the models measured interleaved in one plan (one agent process, the
 * order rotating per round), each then compared round by round with the first ({@link PairedComparison}: the
 * ratio of its round medians to the first's, with the interval of that ratio), since in the same rounds the
 * target's drift cancels.
 */
public final class ModelComparison {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final PlanProgress progress;

    public ModelComparison(BenchmarkTarget target, RunSettings settings, PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.progress = progress;
    }

    /** The raw runs, in the order of {@code models}, and each one's comparison with the first (null for it). */
    public record Result(List<RawRun> runs, List<Comparison> againstFirst) {
    }

    public Result run(List<BenchModel> models) {
        Map<Integer, RawRun> runs = new HashMap<>();
        List<Integer> index = IntStream.range(0, models.size()).boxed().toList();
        progress.planned("compare", models.size(), 0);
        new MeasurementPlan(target, settings, models.size(), progress).measure("compare", index, models::get, 0,
                models.size(), runs::put);
        List<RawRun> ordered = index.stream().map(runs::get).toList();
        List<Comparison> against = new ArrayList<>();
        against.add(null);
        for (int i = 1; i < models.size(); i++) {
            // the threshold only names a decision; compare reports the ratio, not a verdict
            against.add(PairedComparison.of(ordered.get(0), ordered.get(i), 5));
        }
        return new Result(ordered, against);
    }
}
