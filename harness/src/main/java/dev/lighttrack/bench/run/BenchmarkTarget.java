package dev.lighttrack.bench.run;

/**
 * Somewhere the runner can measure a model: this host in-process (JNA) or a device over ADB (a phone or
 * a virtual device). Implementations stream the runner's output and return raw samples; statistics are
 * the caller's job.
 */
public interface BenchmarkTarget extends AutoCloseable {
    TargetInfo info();

    /** Reads temperatures and clocks (one call on the device); {@link TargetConditions#NONE} when unknown. */
    TargetConditions conditions();

    /** Waits (bounded) until the target is cool enough to measure; says what it waited for. */
    void awaitCool(RunProgress progress);

    RawRun run(BenchModel model, RunSettings settings, RunProgress progress);

    @Override
    void close();
}
