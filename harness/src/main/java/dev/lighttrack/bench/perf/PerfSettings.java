package dev.lighttrack.bench.perf;

/**
 * How {@code bench perf runner} measures: worker threads of every engine, untimed inferences before each round's
 * timed ones, timed inferences per engine per round, and rounds (engines interleaved, one after another, per round).
 */
public record PerfSettings(int threads, int warmup, int iterations, int rounds) {
    public PerfSettings {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256, got " + threads);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be 1 or more, got " + iterations);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be 1 or more, got " + rounds);
        }
    }
}
