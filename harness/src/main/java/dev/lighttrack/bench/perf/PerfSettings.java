package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.run.RunSettings;

/**
 * How {@code bench perf runner} measures: worker threads of every engine, untimed inferences before each round's
 * timed ones, timed inferences per engine per round, and rounds (engines interleaved, one after another, per round).
 * Same limits as a benchmark's settings; rounds times iterations stays within a benchmark's iterations.
 */
public record PerfSettings(int threads, int warmup, int iterations, int rounds) {
    public static final int MAX_ROUNDS = 1_000;

    public PerfSettings {
        new SettingRange(1, RunSettings.MAX_THREADS).check("threads", threads);
        new SettingRange(0, RunSettings.MAX_WARMUP).check("warmup", warmup);
        new SettingRange(1, RunSettings.MAX_ITERATIONS).check("iterations", iterations);
        new SettingRange(1, MAX_ROUNDS).check("rounds", rounds);
        if ((long) rounds * iterations > RunSettings.MAX_ITERATIONS) {
            throw new InvalidSetting("rounds", rounds + " of " + iterations + " iterations each exceed "
                    + RunSettings.MAX_ITERATIONS + " timed inferences per engine in all");
        }
    }
}
