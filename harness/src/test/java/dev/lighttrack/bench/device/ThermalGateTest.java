package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The thermal gate reading the virtual device's profile zones through adb; time is simulated, temperatures are files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThermalGateTest extends VirtualDeviceTestBase {
    /** A clock the sleeper advances, so a 300 s cool-down takes no real time. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The gold-cluster zone: the first zone of the profile, found by type in the generated thermal_zone0. */
    private Path goldTemp() {
        return device.sandbox().resolve("sys/class/thermal/thermal_zone0/temp");
    }

    private void setGold(String milliC) {
        try {
            Files.writeString(goldTemp(), milliC + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void waitsWhileAZoneIsHotAndPassesOnceItCooled() {
        setGold("52000");
        ManualClock clock = new ManualClock();
        List<String> progress = new ArrayList<>();
        ThermalGate gate = new ThermalGate(new ThermalReader(shell()), sd845, clock, d -> {
            clock.now = clock.now.plus(d);
            if (progress.size() == 2) {
                setGold("39000");
            }
        });
        ThermalSnapshot cool = gate.await(device.serial(), progress::add);
        assertEquals(List.of(), cool.tooHot());
        assertEquals(2, progress.size(), progress::toString);
        assertTrue(progress.get(0).contains("cpu-gold 52.0 °C >= 45.0 °C"), progress::toString);
        assertTrue(progress.get(1).contains("waited 5 s of at most 300 s"), progress::toString);
    }

    @Test
    void aZoneStillHotAfterTheMaximumWaitIsAnErrorNamingIt() {
        setGold("61000");
        ManualClock clock = new ManualClock();
        ThermalGate gate = new ThermalGate(new ThermalReader(shell()), sd845, clock, d -> clock.now = clock.now.plus(d));
        DeviceBusyException hot = assertThrows(DeviceBusyException.class, () -> gate.await(device.serial(), m -> { }));
        assertTrue(hot.getMessage().contains(device.serial() + " is still too hot after waiting 300 s"), hot.getMessage());
        assertTrue(hot.getMessage().contains("cpu-gold 61.0 °C >= 45.0 °C"), hot.getMessage());
    }
}
