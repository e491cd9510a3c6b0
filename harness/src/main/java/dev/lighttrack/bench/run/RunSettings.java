package dev.lighttrack.bench.run;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;

/**
 * How to run one benchmark: like TFLite benchmark_model's num_runs and min_secs, the runner keeps going until
 * both {@code iterations} and {@code minSeconds} are met. {@code cpus} is a Linux cpu list ("4-7") or null.
 * Every number has a range, checked here before any work (the limits are constants so --help can quote them).
 */
public record RunSettings(String backend, String precision, int warmup, int iterations, double minSeconds, int threads,
                          String cpus, double delayMs, int rounds) {
    public static final int MAX_WARMUP = 100_000;
    /** Samples are kept whole on the host (8 bytes each): a million is 8 MB. */
    public static final int MAX_ITERATIONS = 1_000_000;
    public static final int MAX_SECONDS = 3_600;
    public static final int MAX_THREADS = 64;
    public static final int MAX_DELAY_MS = 10_000;
    public static final int MAX_ROUNDS = 10_000;

    public RunSettings {
        if (!"fp32".equals(precision) && !"fp16".equals(precision)) {
            throw new InvalidSetting("precision", "must be fp32 or fp16, got '" + precision + "'");
        }
        new SettingRange(0, MAX_WARMUP).check("warmup", warmup);
        new SettingRange(1, MAX_ITERATIONS).check("iterations", iterations);
        new SettingRange(0, MAX_SECONDS).check("minSeconds", minSeconds);
        new SettingRange(1, MAX_THREADS).check("threads", threads);
        new SettingRange(0, MAX_DELAY_MS).check("delayMs", delayMs);
        new SettingRange(1, MAX_ROUNDS).check("rounds", rounds);
        if (rounds > iterations) {
            throw new InvalidSetting("rounds", rounds + " cannot share " + iterations + " iterations: every round "
                    + "takes at least one sample");
        }
    }

    /** One block of samples (no rounds). */
    public RunSettings(String backend, String precision, int warmup, int iterations, double minSeconds, int threads,
                       String cpus, double delayMs) {
        this(backend, precision, warmup, iterations, minSeconds, threads, cpus, delayMs, 1);
    }

    /** These settings measured {@code times} times over: what a run extended by a stopping rule took in all. */
    public RunSettings times(int times) {
        return new RunSettings(backend, precision, warmup, (int) Math.min(MAX_ITERATIONS, (long) iterations * times),
                Math.min(MAX_SECONDS, minSeconds * times), threads, cpus, delayMs, Math.min(MAX_ROUNDS, rounds * times));
    }

    /** Samples per round: the iterations spread evenly over the rounds, rounded up (all of them for one). */
    public int iterationsPerRound() {
        return (iterations + rounds - 1) / rounds;
    }

    public RunSettings withCpus(String cpuList) {
        return new RunSettings(backend, precision, warmup, iterations, minSeconds, threads, cpuList, delayMs, rounds);
    }
}
