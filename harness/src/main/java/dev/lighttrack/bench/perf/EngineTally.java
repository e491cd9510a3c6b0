package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.stats.SampleStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects one engine's rounds while the benchmark runs. */
final class EngineTally {
    private final PerfEngine engine;
    private final List<long[]> rounds = new ArrayList<>();
    private long sumSamplesNs;
    private long sumCallWallNs;

    EngineTally(PerfEngine engine) {
        this.engine = engine;
    }

    PerfEngine engine() {
        return engine;
    }

    SampleStats add(RoundSamples round) {
        long[] samples = round.samplesNs();
        rounds.add(samples);
        sumSamplesNs += round.sumNs();
        sumCallWallNs = round.callWallNs() < 0 || sumCallWallNs < 0 ? -1 : sumCallWallNs + round.callWallNs();
        return SampleStats.of(samples);
    }

    EngineResult result() {
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).toArray();
        List<Double> roundP50 = rounds.stream().map(r -> SampleStats.of(r).p50Us()).toList();
        return new EngineResult(engine.id(), engine.description(), SampleStats.of(all), roundP50, sumSamplesNs,
                sumCallWallNs);
    }
}
