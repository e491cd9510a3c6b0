package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.device.profile.SysfsNode;
import dev.lighttrack.bench.device.profile.ThermalZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ThermalReader and ClockReader run their real scripts in this host's /bin/sh against a fake sysfs tree in a
 * temporary directory: one shell call each, values parsed, missing nodes reported as unknown.
 */
class ReadersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path sys;

    @Test
    void readsZonesByTypeAndPathAndTheBattery() throws IOException {
        zone(0, "battery", "30000");
        zone(3, "cpu-1-6-usr", "47500");
        zone(7, "gpuss-0", "41000");
        Path explicit = write("skin/temp", "39000\n");
        Path level = write("battery/capacity", "76\n");
        Path batteryTemp = write("battery/temp", "312");   // sysfs files need not end in a newline

        List<ThermalZone> zones = List.of(
                zone("cpu-prime", List.of("cpu-1-6", "cpu-1-6-usr"), null, 45),
                zone("gpu", List.of("gpuss-0-usr", "gpuss-0"), null, 45),
                zone("skin", List.of(), explicit.toString(), 40),
                zone("npu", List.of("nspss-0"), null, 45));
        CountingShell shell = new CountingShell();
        ThermalSnapshot snapshot = new ThermalReader(shell, sys.resolve("class/thermal").toString(), CLOCK)
                .read(zones, node(level), node(batteryTemp));

        assertEquals(1, shell.calls.get(), "one shell call");
        assertEquals(CLOCK.instant(), snapshot.takenAt());
        assertEquals(Optional.of(47.5), snapshot.zones().get(0).celsius());
        assertTrue(snapshot.zones().get(0).source().endsWith("thermal_zone3 (cpu-1-6-usr)"), snapshot.zones().get(0).source());
        assertEquals(Optional.of(41.0), snapshot.zones().get(1).celsius());
        assertEquals(Optional.of(39.0), snapshot.zones().get(2).celsius());
        assertEquals(Optional.empty(), snapshot.zones().get(3).celsius());
        assertEquals("type nspss-0 (not found)", snapshot.zones().get(3).source());
        assertEquals(List.of("cpu-prime"), snapshot.tooHot().stream().map(ZoneTemperature::zone).toList());
        assertEquals(new BatteryStatus(Optional.of(76), Optional.of(31.2)), snapshot.battery());
    }

    @Test
    void unreadableBatteryIsUnknownNotAnError() {
        ThermalSnapshot snapshot = new ThermalReader(new CountingShell(), sys.resolve("none").toString(), CLOCK)
                .read(List.of(), node(sys.resolve("no/capacity")), node(sys.resolve("no/temp")));
        // this host has no dumpsys, so the fallback finds nothing either
        assertEquals(BatteryStatus.UNKNOWN, snapshot.battery());
        assertTrue(snapshot.zones().isEmpty());
    }

    @Test
    void readsClocksOfEveryCoreInOneCall() throws IOException {
        DeviceProfile sd845 = new ProfileLoader().loadDefault().get("sd845");
        // the profile's sample values, written under a temporary root, stand in for a phone's sysfs
        for (var node : sd845.virtualSysfs().entrySet()) {
            if (!node.getKey().endsWith("cpu6/cpufreq/scaling_cur_freq")) {
                write(node.getKey().substring(1), node.getValue() + "\n");
            }
        }
        CountingShell shell = new CountingShell();
        ClockSnapshot clocks = new ClockReader(new RootedShell(shell, sys), CLOCK).read(sd845);

        assertEquals(1, shell.calls.get());
        assertEquals(8, clocks.cores().size());
        assertEquals(new CoreClock(0, Optional.of(1766400L), Optional.of(1766400L), Optional.of("schedutil")), clocks.cores().get(0));
        assertEquals(Optional.of(2803200L), clocks.cores().get(7).curKhz());
        assertEquals(Optional.empty(), clocks.cores().get(6).curKhz(), "a missing node is unknown");
        assertEquals(Optional.of(710000000L), clocks.gpuHz());
        assertEquals(Optional.of("msm-adreno-tz"), clocks.gpuGovernor());
    }

    private void zone(int number, String type, String temp) throws IOException {
        write("class/thermal/thermal_zone" + number + "/type", type + "\n");
        write("class/thermal/thermal_zone" + number + "/temp", temp + "\n");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = sys.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static ThermalZone zone(String name, List<String> types, String path, double threshold) {
        return new ThermalZone(name, types, Optional.ofNullable(path), threshold, 1000, Optional.empty());
    }

    private static SysfsNode node(Path path) {
        return new SysfsNode(path.toString(), Optional.empty());
    }

    /** This host's shell, counting calls. */
    private static final class CountingShell implements DeviceShell {
        final AtomicInteger calls = new AtomicInteger();
        private final LocalDeviceShell local = new LocalDeviceShell(Duration.ofSeconds(10));

        @Override
        public ShellResult run(ShellCommand command) {
            calls.incrementAndGet();
            return local.run(command);
        }

        @Override
        public StreamedShellResult stream(ShellCommand command, Consumer<String> stdoutLines) {
            calls.incrementAndGet();
            return local.stream(command, stdoutLines);
        }

        @Override
        public String describe() {
            return "test shell";
        }
    }

    /**
     * Moves the quoted /sys paths of a command under a temporary root and maps them back in its output, as a
     * sandboxed device would.
     */
    private record RootedShell(DeviceShell inner, Path root) implements DeviceShell {
        @Override
        public ShellResult run(ShellCommand command) {
            ShellResult result = inner.run(rooted(command));
            return new ShellResult(result.stdout().replace(root + "/sys/", "/sys/"), result.stderr(), result.exitCode());
        }

        @Override
        public StreamedShellResult stream(ShellCommand command, Consumer<String> stdoutLines) {
            return inner.stream(rooted(command), line -> stdoutLines.accept(line.replace(root + "/sys/", "/sys/")));
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        private ShellCommand rooted(ShellCommand command) {
            // a test-only rewrite of a line the reader built; wrapped as a script without arguments
            return ShellCommand.script(command.line().replace("'/sys/", "'" + root + "/sys/"), List.of());
        }
    }
}
