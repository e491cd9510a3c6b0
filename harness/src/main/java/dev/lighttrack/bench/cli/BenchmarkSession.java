package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordFactory;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.stats.LatencyHistogram;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One benchmark on one target: thermal gate, conditions before, the run, conditions after, statistics
 * from the raw samples on the host, and the run record with its histogram log. Nothing is written when
 * the run fails.
 */
final class BenchmarkSession {
    private final RunStore store;
    private final RunProgress progress;

    BenchmarkSession(RunStore store, RunProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /** The record and where it was written. */
    record Outcome(RunRecord record, Path file) {
    }

    Outcome run(BenchmarkTarget target, BenchModel model, RunSettings settings) {
        target.awaitCool(progress);
        TargetConditions before = target.conditions();
        progress.say("running " + model.name() + " on " + target.info().serial() + " (" + settings.backend() + ", "
                + settings.iterations() + " iterations, at least " + settings.minSeconds() + " s)...");
        RawRun raw = target.run(model, settings, progress);
        TargetConditions after = target.conditions();
        if (raw.samplesNs().length == 0) {
            throw new IllegalStateException("the runner on " + target.info().serial() + " returned no samples");
        }
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordAll(raw.samplesNs());
        Instant now = Instant.now();
        String id = RunStore.newId(now, target.info().serial());
        RunRecord record = RunRecordFactory.create(id, now, target.info(), model, settings, raw, before, after,
                histogram.summary());
        Path file = store.save(record, histogram.histogram());
        return new Outcome(record, file);
    }
}
