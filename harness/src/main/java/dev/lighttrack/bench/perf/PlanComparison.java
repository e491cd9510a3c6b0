package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.stats.PredictionAccuracy;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code bench perf plans}: what interleaving buys, on one target in one run. The same subnets are measured four
 * times with the same samples per model: one block each (the old plan), interleaved in rounds (the plan), then
 * both again in the time reversal of their first pass. Each plan's second pass is scored as a prediction of its
 * first: the agreement a consumer of one measurement can count on. The passes alternate (blocks, interleaved,
 * blocks, interleaved) so that both plans see the same stretch of the machine's drift between their passes.
 */
public final class PlanComparison {
    private final BenchmarkTarget target;
    private final RunSettings interleaved;
    private final ModelResolver models;
    private final int batchSize;
    private final int searchSize;
    private final PlanProgress progress;

    public PlanComparison(BenchmarkTarget target, RunSettings interleaved, ModelResolver models, int batchSize,
                          int searchSize, PlanProgress progress) {
        if (interleaved.rounds() < 2) {
            throw new IllegalArgumentException("the interleaved plan needs at least 2 rounds");
        }
        this.target = target;
        this.interleaved = interleaved;
        this.models = models;
        this.batchSize = batchSize;
        this.searchSize = searchSize;
        this.progress = progress;
    }

    /** One plan: its rounds, its two passes' medians (µs, by subnet), the retest score and the time it took. */
    public record Plan(String name, int rounds, double[] firstUs, double[] secondUs, PredictionAccuracy retest,
                       double wallSeconds) {
    }

    public record Result(List<String> archs, RunSettings settings, Plan blocks, Plan interleaved) {
    }

    public Result run(List<Architecture> archs) {
        List<String> arch = archs.stream().map(ArchStringCodec::format).toList();
        RunSettings blocks = new RunSettings(interleaved.backend(), interleaved.precision(), interleaved.warmup(),
                interleaved.iterations(), interleaved.minSeconds(), interleaved.threads(), interleaved.cpus(),
                interleaved.delayMs(), 1);
        Pass blockFirst = pass("blocks, first pass", blocks, arch, false);
        Pass interleavedFirst = pass("interleaved, first pass", interleaved, arch, false);
        Pass blockSecond = pass("blocks, retest", blocks, arch, true);
        Pass interleavedSecond = pass("interleaved, retest", interleaved, arch, true);
        return new Result(arch, interleaved, plan("blocks", 1, blockFirst, blockSecond),
                plan("interleaved", interleaved.rounds(), interleavedFirst, interleavedSecond));
    }

    private record Pass(double[] mediansUs, double seconds) {
    }

    private static Plan plan(String name, int rounds, Pass first, Pass second) {
        return new Plan(name, rounds, first.mediansUs(), second.mediansUs(),
                PredictionAccuracy.of(second.mediansUs(), first.mediansUs()), first.seconds() + second.seconds());
    }

    private Pass pass(String phase, RunSettings settings, List<String> archs, boolean reversed) {
        double[] medians = new double[archs.size()];
        List<Integer> items = new ArrayList<>(IntStream.range(0, archs.size()).boxed().toList());
        progress.planned(phase, archs.size(), 0);
        long start = System.nanoTime();
        new MeasurementPlan(target, settings, batchSize, progress).measure("perf plans (" + phase + ")", items,
                i -> models.fromArch(archs.get(i), searchSize, 0), 0, archs.size(), reversed,
                (i, raw) -> medians[i] = SampleStats.of(raw.samplesNs()).p50Us());
        return new Pass(medians, (System.nanoTime() - start) / 1e9);
    }
}
