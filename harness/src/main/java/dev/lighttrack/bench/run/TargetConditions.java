package dev.lighttrack.bench.run;

import java.util.Map;

/** Temperatures (°C) and clocks (kHz) read on the target around a run. */
public record TargetConditions(Map<String, Double> temperaturesC, Map<String, Long> clocksKhz) {
    public static final TargetConditions NONE = new TargetConditions(Map.of(), Map.of());
}
