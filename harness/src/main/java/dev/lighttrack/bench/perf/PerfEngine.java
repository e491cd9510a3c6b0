package dev.lighttrack.bench.perf;

/** One way of running the model, opened once (load excluded from timing) and measured round by round. */
public interface PerfEngine extends AutoCloseable {
    /** Short stable id for tables and JSON, e.g. {@code runner_jna}. */
    String id();

    /** What ran, with its version, e.g. "ltrunner 0.1.0 (xnnpack ...) through JNA". */
    String description();

    /** Runs {@code warmup} untimed inferences, then {@code iterations} timed ones. */
    RoundSamples measure(int warmup, int iterations);

    @Override
    void close();
}
