package dev.lighttrack.bench.device;

import java.time.Instant;
import java.util.List;

/** Temperatures of a profile's zones and of the battery at one moment. */
public record ThermalSnapshot(Instant takenAt, List<ZoneTemperature> zones, BatteryStatus battery) {
    public ThermalSnapshot {
        zones = List.copyOf(zones);
    }

    /** The zones at or above their thresholds: a run should wait while this is not empty. */
    public List<ZoneTemperature> tooHot() {
        return zones.stream().filter(ZoneTemperature::isTooHot).toList();
    }
}
