package dev.lighttrack.bench.session;

import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import java.util.function.Supplier;

/** A target to open, with the settings it runs with (its profile's big cores as the default cpu list). */
public record PlannedTarget(Supplier<BenchmarkTarget> opener, RunSettings settings) {
    public BenchmarkTarget open() {
        return opener.get();
    }
}
