package dev.lighttrack.bench.session;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.run.VisitOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A test double, not a measurement: a machine whose speed drifts slowly while it measures. Every model's true
 * latency is {@code trueNs}; a sample taken at time t (counted in samples since the target was made) takes
 * {@code trueNs x (1 + slope x t)}. It visits models exactly in the order it is handed, so what a plan's order
 * does to drift shows in the medians.
 */
final class DriftingTarget implements BenchmarkTarget {
    private final ToLongFunction<BenchModel> trueNs;
    private final double slopePerSample;
    private long clock;

    DriftingTarget(ToLongFunction<BenchModel> trueNs, double slopePerSample) {
        this.trueNs = trueNs;
        this.slopePerSample = slopePerSample;
    }

    @Override
    public TargetInfo info() {
        return new TargetInfo("DRIFT01", "sd845", "Drifting phone", "SDM845", "arm64-v8a", false, null, null);
    }

    @Override
    public TargetConditions conditions() {
        return TargetConditions.NONE;
    }

    @Override
    public void awaitCool(RunProgress progress) {
    }

    @Override
    public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
        throw new UnsupportedOperationException("measured through runBatch");
    }

    @Override
    public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                         BatchSink sink) {
        order.requireFits(models.size(), settings.rounds());
        int perRound = settings.iterationsPerRound();
        List<List<long[]>> blocks = new ArrayList<>();
        models.forEach(m -> blocks.add(new ArrayList<>()));
        for (List<Integer> round : order.rounds()) {
            for (int i : round) {
                long[] block = new long[perRound];
                for (int k = 0; k < perRound; k++) {
                    block[k] = Math.round(trueNs.applyAsLong(models.get(i)) * (1 + slopePerSample * clock++));
                }
                blocks.get(i).add(block);
            }
        }
        for (int i = 0; i < models.size(); i++) {
            long[] samples = blocks.get(i).stream().flatMapToLong(java.util.Arrays::stream).toArray();
            int[] sizes = blocks.get(i).stream().mapToInt(b -> b.length).toArray();
            BenchModel m = models.get(i);
            sink.accept(m, new RawRun(samples, List.of(), "0.1.0", "drifting", 1, m.sha256(), 1L, samples[0], sizes));
        }
    }

    @Override
    public void close() {
    }
}
