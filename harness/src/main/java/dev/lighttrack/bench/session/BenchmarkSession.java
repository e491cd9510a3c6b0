package dev.lighttrack.bench.session;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.stats.MedianInterval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmarks of one model: on each target a device spec names, in turn, open it, then thermal gate,
 * conditions before, the run, conditions after, statistics from the raw samples on the host, the run
 * record with its histogram log, and close. Nothing is written when a run fails.
 */
public final class BenchmarkSession {
    private final RunStore store;
    private final RunProgress progress;
    private final RunRecord.Origin origin;

    public BenchmarkSession(RunStore store, RunProgress progress, RunRecord.Origin origin) {
        this.store = store;
        this.progress = progress;
        this.origin = origin;
    }

    /** The record and where it was written. */
    public record Outcome(RunRecord record, Path file) {
    }

    /** Benchmarks {@code model} on every target of {@code spec}, one after the other, measuring once. */
    public List<Outcome> benchmarkAll(TargetSpec spec, BenchModel model, RunSettings settings) {
        return benchmarkAll(spec, model, settings, StoppingRule.ONCE);
    }

    /** Benchmarks {@code model} on every target of {@code spec}, one after the other, each until {@code rule}. */
    public List<Outcome> benchmarkAll(TargetSpec spec, BenchModel model, RunSettings settings, StoppingRule rule) {
        store.checkWritable();
        List<Outcome> outcomes = new ArrayList<>();
        for (PlannedTarget planned : new TargetPlanner(spec, settings, progress).plan()) {
            try (BenchmarkTarget target = planned.open()) {
                outcomes.add(run(target, model, planned.settings(), rule));
            }
        }
        return outcomes;
    }

    /** One benchmark on an open target, measuring once. */
    public Outcome run(BenchmarkTarget target, BenchModel model, RunSettings settings) {
        return run(target, model, settings, StoppingRule.ONCE);
    }

    /** One benchmark on an open target: measured again, round set by round set, while {@code rule} asks. */
    public Outcome run(BenchmarkTarget target, BenchModel model, RunSettings settings, StoppingRule rule) {
        target.awaitCool(progress);
        TargetConditions before = target.conditions();
        progress.say("running " + model.name() + " on " + target.info().serial() + " (" + settings.backend() + ", "
                + settings.iterations() + " iterations, at least " + settings.minSeconds() + " s)...");
        long start = System.nanoTime();
        RawRun raw = target.run(model, settings, progress);
        int sets = 1;
        while (rule.active()) {
            Optional<Double> width = MedianInterval.halfWidthPct(MedianInterval.roundMediansUs(raw.rounds()));
            String where = width.map(w -> String.format(Locale.ROOT, "p50 CI ±%.2f%%", w))
                    .orElse("no p50 CI yet") + " over " + raw.roundSizes().length + " rounds";
            if (width.isPresent() && width.get() <= rule.targetCiPct()) {
                progress.say(where + ": within the target ±" + rule.targetCiPct() + "%");
                break;
            }
            if ((System.nanoTime() - start) / 1e9 >= rule.maxSeconds()) {
                progress.say(where + ": the target ±" + rule.targetCiPct() + "% was NOT met within "
                        + rule.maxSeconds() + " s");
                break;
            }
            progress.say(where + ": above the target ±" + rule.targetCiPct() + "%, measuring " + settings.rounds()
                    + " more rounds");
            raw = raw.append(target.run(model, settings, progress));
            sets++;
        }
        settings = settings.times(sets);
        TargetConditions after = target.conditions();
        return RunRecording.save(store, target.info(), model, settings, raw, before, after, origin);
    }

}
