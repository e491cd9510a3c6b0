package dev.lighttrack.bench.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CPU and GPU clocks and governors at one moment, recorded with every run. */
public record ClockSnapshot(Instant takenAt, List<CoreClock> cores, Optional<Long> gpuHz, Optional<String> gpuGovernor) {
    public ClockSnapshot {
        cores = List.copyOf(cores);
    }
}
