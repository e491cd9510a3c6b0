package dev.lighttrack.bench.device;

import java.util.Optional;

/** One thermal zone's temperature (empty when the device did not give one) and the threshold it is held to. */
public record ZoneTemperature(String zone, String source, Optional<Double> celsius, double thresholdC) {
    /** True when the zone was read and is at or above its threshold. */
    public boolean isTooHot() {
        return celsius.map(c -> c >= thresholdC).orElse(false);
    }
}
