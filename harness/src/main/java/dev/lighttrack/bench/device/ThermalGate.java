package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.Cooldown;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Waits before a run until the profile's thermal zones are below their thresholds: a hot SoC throttles and
 * would measure the throttled clock. The wait is bounded by the profile's cool-down; a device still hot after
 * it is an error naming the zones (measuring anyway would record throttled numbers as if they were normal).
 */
public final class ThermalGate {
    private final ThermalReader reader;
    private final DeviceProfile profile;
    private final Clock clock;
    private final DeviceLock.Sleeper sleeper;

    public ThermalGate(ThermalReader reader, DeviceProfile profile, Clock clock, DeviceLock.Sleeper sleeper) {
        this.reader = reader;
        this.profile = profile;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ThermalGate(ThermalReader reader, DeviceProfile profile) {
        this(reader, profile, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Returns the last reading, once every watched zone is below its threshold (zones that cannot be read pass). */
    public ThermalSnapshot await(String deviceName, Consumer<String> progress) {
        Cooldown cooldown = profile.thermal().cooldown();
        Instant start = clock.instant();
        while (true) {
            ThermalSnapshot snapshot = reader.read(profile);
            List<ZoneTemperature> hot = snapshot.tooHot();
            if (hot.isEmpty()) {
                return snapshot;
            }
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(cooldown.maxWait()) >= 0) {
                throw new DeviceBusyException(deviceName + " is still too hot after waiting " + waited.toSeconds()
                        + " s (profile " + profile.name() + " cool-down max_wait_s " + cooldown.maxWait().toSeconds()
                        + "): " + describe(hot) + "; let it cool or raise the threshold in " + profile.source());
            }
            progress.accept(deviceName + " cooling down: " + describe(hot) + " (waited " + waited.toSeconds()
                    + " s of at most " + cooldown.maxWait().toSeconds() + " s)");
            try {
                sleeper.sleep(cooldown.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceBusyException("interrupted while waiting for " + deviceName + " to cool down");
            }
        }
    }

    private static String describe(List<ZoneTemperature> zones) {
        return zones.stream().map(z -> String.format(Locale.ROOT, "%s %.1f °C >= %.1f °C", z.zone(),
                z.celsius().orElse(Double.NaN), z.thresholdC())).collect(Collectors.joining(", "));
    }
}
