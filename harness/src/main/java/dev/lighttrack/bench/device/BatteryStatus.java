package dev.lighttrack.bench.device;

import java.util.Optional;

/** Battery charge and temperature, where the device tells them. */
public record BatteryStatus(Optional<Integer> levelPercent, Optional<Double> temperatureC) {
    public static final BatteryStatus UNKNOWN = new BatteryStatus(Optional.empty(), Optional.empty());
}
