package dev.lighttrack.bench.session;

import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;

/** An open target with the settings it runs with; closing it releases the device (and stops a virtual one). */
public record OpenedTarget(BenchmarkTarget target, RunSettings settings) implements AutoCloseable {
    /** Opens the one target {@code spec} names; {@code purpose} ("a lookup table") says why only one. */
    public static OpenedTarget openOne(TargetSpec spec, RunSettings settings, String purpose,
            RunProgress progress) {
        PlannedTarget planned = new TargetPlanner(spec, settings, progress).planOne(purpose);
        return new OpenedTarget(planned.open(), planned.settings());
    }

    @Override
    public void close() {
        target.close();
    }
}
