package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.run.VisitOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test double for the lookup-table code, not a measurement: each model "takes" a latency given by a fixed law
 * of its MACs (a per-model cost plus a per-MAC cost, and an extra per-inference cost for whole subnets), so the
 * fitted overhead is known exactly. It can fail after a number of models, as a device that goes away.
 */
final class ScriptedTarget implements BenchmarkTarget {
    static final long MODEL_NS = 50_000;
    static final long WHOLE_EXTRA_NS = 100_000;
    static final double NS_PER_MAC = 0.01;

    private final TargetInfo info;
    private final String runnerVersion;
    private int failAfter = Integer.MAX_VALUE;
    final List<String> measured = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    int coolWaits;

    ScriptedTarget(TargetInfo info, String runnerVersion) {
        this.info = info;
        this.runnerVersion = runnerVersion;
    }

    static ScriptedTarget sd845() {
        return new ScriptedTarget(info("sd845", "SDM845"), "0.1.0");
    }

    static TargetInfo info(String profile, String soc) {
        return new TargetInfo("TEST01", profile, "Test phone", soc, "arm64-v8a", false, "localhost:5037",
                "google/test/test:14/UQ1A/1:user/release-keys");
    }

    ScriptedTarget failingAfter(int models) {
        this.failAfter = models;
        return this;
    }

    static long latencyNs(BenchModel m) {
        return MODEL_NS + Math.round(m.macs() * NS_PER_MAC) + (m.arch() != null ? WHOLE_EXTRA_NS : 0);
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    @Override
    public TargetConditions conditions() {
        return TargetConditions.NONE;
    }

    @Override
    public void awaitCool(RunProgress progress) {
        coolWaits++;
    }

    @Override
    public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
        throw new UnsupportedOperationException("lookup tables measure through runBatch");
    }

    @Override
    public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                         BatchSink sink) {
        batchSizes.add(models.size());
        // in the order of the first round's visits (without rounds, the batch's order)
        for (int i : order.rounds().get(0)) {
            if (measured.size() >= failAfter) {
                throw new UncheckedIOException(new IOException("device TEST01 is offline"));
            }
            BenchModel m = models.get(i);
            long t = latencyNs(m);
            // spread around the law so p10 < p50 < p90; the median is the law exactly
            long[] samples = {t * 98 / 100, t, t * 102 / 100, t, t * 99 / 100, t * 101 / 100, t};
            measured.add(m.name());
            sink.accept(m, new RawRun(samples, List.of(), runnerVersion, "scripted", 1, m.sha256(), 1L, t));
        }
    }

    @Override
    public void close() {
    }
}
