package dev.lighttrack.bench.session;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordFactory;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.stats.LatencyHistogram;
import java.nio.file.Path;
import java.time.Instant;

/** A measured run made into its run record and histogram log, and stored: the last step of every run kept. */
public final class RunRecording {
    private RunRecording() {
    }

    public static BenchmarkSession.Outcome save(RunStore store, TargetInfo target, BenchModel model,
                                                RunSettings settings, RawRun raw, TargetConditions before,
                                                TargetConditions after, RunRecord.Origin origin) {
        if (raw.samplesNs().length == 0) {
            throw new IllegalStateException("the runner on " + target.serial() + " returned no samples");
        }
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordAll(raw.samplesNs());
        Instant now = Instant.now();
        String id = RunStore.newId(now, target.serial());
        RunRecord record = RunRecordFactory.create(id, now, target, model, settings, raw, before, after,
                histogram.summary().withRounds(raw.rounds()), origin);
        Path file = store.save(record, histogram.histogram());
        return new BenchmarkSession.Outcome(record, file);
    }
}
