package dev.lighttrack.bench.device.profile;

import dev.lighttrack.bench.errors.BenchException;
import java.util.List;
import java.util.Optional;

/**
 * A temperature to watch: a thermal zone found by its type name (zone numbers differ between devices of one
 * SoC, and type names between kernel versions, so several candidates may be given, best first) or an explicit
 * sysfs {@code path}; exactly one of the two is present. {@code scale} is raw units per °C (1000 for
 * millidegrees); {@code sample} is the raw value a virtual device answers.
 */
public record ThermalZone(String name, List<String> types, Optional<String> path, double thresholdC, int scale,
        Optional<String> sample) {
    public ThermalZone {
        types = List.copyOf(types);
        if (types.isEmpty() == path.isEmpty()) {
            throw BenchException.badInput("thermal zone " + name + " needs exactly one of types or path");
        }
    }

    /** How the zone is found, for messages and records. */
    public String source() {
        return path.orElseGet(() -> "type " + String.join("|", types));
    }
}
