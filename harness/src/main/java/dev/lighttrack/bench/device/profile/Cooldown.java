package dev.lighttrack.bench.device.profile;

import java.time.Duration;

/** The bounded wait for thermal zones to fall below their thresholds before a run. */
public record Cooldown(Duration maxWait, Duration pollInterval) {
}
