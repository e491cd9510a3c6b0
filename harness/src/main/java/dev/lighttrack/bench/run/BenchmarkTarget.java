package dev.lighttrack.bench.run;

import java.util.List;

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

    /**
     * Runs many models in one runner process (the agent's {@code --manifest}): what the lookup-table builder
     * uses to measure hundreds of single-op models without one {@code adb shell} each. Each model's result is
     * handed to {@code sink} as soon as it completes, so a caller can save it before the next one finishes.
     */
    default void runBatch(List<BenchModel> models, RunSettings settings, RunProgress progress, BatchSink sink) {
        runBatch(models, settings, VisitOrder.rotating(Math.max(1, models.size()), settings.rounds()), progress, sink);
    }

    /** As above, the rounds visiting the models in {@code order} (ignored without rounds). */
    void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                  BatchSink sink);

    /** Receives one model's raw run of a batch, in manifest order. */
    @FunctionalInterface
    interface BatchSink {
        void accept(BenchModel model, RawRun run);
    }

    @Override
    void close();
}
