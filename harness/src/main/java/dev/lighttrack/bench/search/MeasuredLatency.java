package dev.lighttrack.bench.search;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.stats.MedianInterval;
import dev.lighttrack.bench.stats.SampleStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency measured on the device: every candidate not in the cache is exported and measured, all of a generation's
 * in one measurement plan (interleaved in rounds); a candidate whose interval straddles the budget is measured
 * once more (its rounds added), then called on its median and flagged. Results go to the cache as they come.
 */
public final class MeasuredLatency implements LatencySource {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final ModelResolver models;
    private final int searchSize;
    private final int batchSize;
    private final LatencyCache cache;
    private final PlanProgress progress;
    private int measured;

    public MeasuredLatency(BenchmarkTarget target, RunSettings settings, ModelResolver models, int searchSize,
                           int batchSize, LatencyCache cache, PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.models = models;
        this.searchSize = searchSize;
        this.batchSize = batchSize;
        this.cache = cache;
        this.progress = progress;
    }

    @Override
    public List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs) {
        List<BenchModel> exported = archs.stream()
                .map(a -> models.fromArch(ArchStringCodec.format(a), searchSize, 0)).toList();
        LatencyEstimate[] out = new LatencyEstimate[archs.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            out[i] = cache.get(exported.get(i).sha256()).orElse(null);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        Map<Integer, RawRun> runs = new HashMap<>();
        measure(missing, exported, runs);
        List<Integer> straddling = new ArrayList<>();
        for (int i : missing) {
            out[i] = estimateOf(runs.get(i));
            if (out[i].straddles(budgetUs)) {
                straddling.add(i);
            } else {
                save(exported.get(i), out[i]);
            }
        }
        if (!straddling.isEmpty()) {
            progress.say(straddling.size() + " candidate(s) straddle the budget: measuring them once more");
            Map<Integer, RawRun> more = new HashMap<>();
            measure(straddling, exported, more);
            for (int i : straddling) {
                LatencyEstimate e = estimateOf(runs.get(i).append(more.get(i)));
                out[i] = e.straddles(budgetUs) ? e.asFlagged() : e;
                save(exported.get(i), out[i]);
            }
        }
        return List.of(out);
    }

    private void measure(List<Integer> which, List<BenchModel> exported, Map<Integer, RawRun> into) {
        if (which.isEmpty()) {
            return;
        }
        progress.planned("candidates", which.size(), 0);
        new MeasurementPlan(target, settings, batchSize, progress).measure("search", which, exported::get, 0,
                which.size(), (i, raw) -> into.put(i, raw));
        measured += which.size();
    }

    private static LatencyEstimate estimateOf(RawRun raw) {
        SampleStats stats = SampleStats.of(raw.samplesNs());
        List<Double> ci = MedianInterval.of(MedianInterval.roundMediansUs(raw.rounds()))
                .map(c -> List.of(c[0], c[1])).orElse(null);
        return new LatencyEstimate("measured", stats.p50Us(), ci, stats.count(), false);
    }

    private void save(BenchModel model, LatencyEstimate e) {
        cache.put(new LatencyCache.Entry(model.sha256(), model.arch(), e, settings.iterations(), settings.rounds(),
                Instant.now().toString()));
    }

    /** Models measured by this source (not counting cache hits). */
    public int measuredCount() {
        return measured;
    }

    @Override
    public String describe() {
        return "measured on " + target.info().serial() + " (" + settings.backend() + ", " + settings.precision()
                + ", " + settings.rounds() + " rounds)";
    }
}
