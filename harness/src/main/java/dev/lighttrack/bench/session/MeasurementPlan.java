package dev.lighttrack.bench.session;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.VisitOrder;
import dev.lighttrack.bench.stats.MedianInterval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The measurement plan of many models: batches, one runner process per batch, handing each result over as it is
 * final. With rounds, a batch's models are interleaved in rotating order (or its time reversal, for a retest), so
 * drift during the batch reaches them alike. With a {@link StoppingRule}, the models whose median interval is still
 * wider than the target are measured again, batch by batch, their rounds added, until each is within it or the
 * rule's time is spent (those are named, never silently passed). A failure stops the work with a message saying
 * how much was done; nothing already handed over is lost.
 */
public final class MeasurementPlan {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final int batchSize;
    private final StoppingRule rule;
    private final PlanProgress progress;

    public MeasurementPlan(BenchmarkTarget target, RunSettings settings, int batchSize, PlanProgress progress) {
        this(target, settings, batchSize, StoppingRule.ONCE, progress);
    }

    public MeasurementPlan(BenchmarkTarget target, RunSettings settings, int batchSize, StoppingRule rule,
                           PlanProgress progress) {
        if (batchSize < 1) {
            throw new InvalidSetting("batchSize", "must be at least 1, got " + batchSize);
        }
        this.target = target;
        this.settings = settings;
        this.batchSize = batchSize;
        this.rule = rule;
        this.progress = progress;
    }

    /**
     * Exports (through {@code toModel}) and measures {@code items}; {@code done} of the phase's {@code total}
     * were measured before. Returns the items that did not reach the stopping rule's target (none without one).
     */
    public <T> List<T> measure(String phase, List<T> items, Function<T, BenchModel> toModel, int done, int total,
                               BiConsumer<T, RawRun> sink) {
        return measure(phase, items, toModel, done, total, false, sink);
    }

    /**
     * As above; {@code reversed}: the time reversal of the usual plan (the same batches, last first, each visiting
     * its models in the reverse of the usual order), for a retest that drift does not flatter.
     */
    public <T> List<T> measure(String phase, List<T> items, Function<T, BenchModel> toModel, int done, int total,
                               boolean reversed, BiConsumer<T, RawRun> sink) {
        long start = System.nanoTime();
        int[] finished = {done};
        Map<T, RawRun> open = new LinkedHashMap<>();
        Map<T, String> names = new HashMap<>();
        BiConsumer<T, RawRun> deliver = (item, raw) -> {
            sink.accept(item, raw);
            finished[0]++;
            progress.measured(names.get(item), finished[0], total);
        };
        runBatches(phase, items, toModel, reversed, finished, total, names, (item, raw) -> {
            if (converged(raw)) {
                deliver.accept(item, raw);
            } else {
                open.put(item, raw);
            }
        });
        while (!open.isEmpty() && (System.nanoTime() - start) / 1e9 < rule.maxSeconds()) {
            progress.say(String.format(Locale.ROOT, "%d model(s) still above the target ±%s%%: measuring %d more "
                    + "rounds of them", open.size(), rule.targetCiPct(), settings.rounds()));
            runBatches(phase, List.copyOf(open.keySet()), toModel, reversed, finished, total, names, (item, raw) -> {
                RawRun all = open.get(item).append(raw);
                if (converged(all)) {
                    open.remove(item);
                    deliver.accept(item, all);
                } else {
                    open.put(item, all);
                }
            });
        }
        List<T> unconverged = List.copyOf(open.keySet());
        if (!unconverged.isEmpty()) {
            progress.say(String.format(Locale.ROOT, "%s: %d model(s) did NOT reach the target ±%s%% within %s s: %s",
                    phase, unconverged.size(), rule.targetCiPct(), rule.maxSeconds(),
                    String.join(", ", unconverged.stream().map(names::get).toList())));
        }
        open.forEach(deliver);
        return unconverged;
    }

    private boolean converged(RawRun raw) {
        if (!rule.active()) {
            return true;
        }
        Optional<Double> width = MedianInterval.halfWidthPct(MedianInterval.roundMediansUs(raw.rounds()));
        return width.isPresent() && width.get() <= rule.targetCiPct();
    }

    private <T> void runBatches(String phase, List<T> items, Function<T, BenchModel> toModel, boolean reversed,
                                int[] finished, int total, Map<T, String> names, BiConsumer<T, RawRun> sink) {
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
                names.put(item, m.name());
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
