package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.VisitOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Measures many models in batches, one runner process per batch, handing each result over as it completes.
 * With rounds, a batch's models are interleaved in rotating order (or its time reversal, for a retest), so drift
 * during the batch reaches them alike. A failure stops the work with a message saying how much was done; nothing
 * already handed over is lost.
 */
final class BatchMeasurer {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final int batchSize;
    private final LutProgress progress;

    BatchMeasurer(BenchmarkTarget target, RunSettings settings, int batchSize, LutProgress progress) {
        if (batchSize < 1) {
            throw new InvalidSetting("batchSize", "must be at least 1, got " + batchSize);
        }
        this.target = target;
        this.settings = settings;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /**
     * Exports (through {@code toModel}) and measures {@code items}; {@code done} of the phase's {@code total}
     * were measured before.
     */
    <T> void measure(String phase, List<T> items, Function<T, BenchModel> toModel, int done, int total,
                     BiConsumer<T, RawRun> sink) {
        measure(phase, items, toModel, done, total, false, sink);
    }

    /**
     * As above; {@code reversed}: the time reversal of the usual plan (the same batches, last first, each visiting
     * its models in the reverse of the usual order), for a retest that drift does not flatter.
     */
    <T> void measure(String phase, List<T> items, Function<T, BenchModel> toModel, int done, int total,
                     boolean reversed, BiConsumer<T, RawRun> sink) {
        int[] finished = {done};
        List<Integer> starts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            starts.add(from);
        }
        if (reversed) {
            Collections.reverse(starts);
        }
        for (int from : starts) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            Map<BenchModel, T> byModel = new IdentityHashMap<>();
            List<BenchModel> models = batch.stream().map(item -> {
                BenchModel m = toModel.apply(item);
                byModel.put(m, item);
                return m;
            }).toList();
            try {
                // a phone heats up over hundreds of models: gate every batch, as a single benchmark is gated
                target.awaitCool(progress::say);
                VisitOrder order = VisitOrder.rotating(models.size(), settings.rounds());
                target.runBatch(models, settings, reversed ? order.reversed() : order, progress::say,
                        (model, raw) -> {
                    T item = byModel.get(model);
                    if (item == null) {
                        throw new IllegalStateException("the target returned a result for " + model.name()
                                + ", which is not in the batch");
                    }
                    sink.accept(item, raw);
                    finished[0]++;
                    progress.measured(model.name(), finished[0], total);
                });
            } catch (BenchException e) {
                // a mismatch found in a result (another runner version): the user's to fix, not an interruption
                throw e;
            } catch (RuntimeException e) {
                throw new MeasurementInterruptedException(phase + " stopped after " + finished[0] + " of " + total
                        + " models (" + e.getMessage() + "); everything finished is saved: rerun the same command to"
                        + " measure only the rest", e);
            }
        }
    }
}
