package dev.lighttrack.bench.device;

import java.util.Optional;

/** One CPU core's cpufreq state: current and maximum clock in kHz, and governor (empty where unreadable). */
public record CoreClock(int core, Optional<Long> curKhz, Optional<Long> maxKhz, Optional<String> governor) {
}
