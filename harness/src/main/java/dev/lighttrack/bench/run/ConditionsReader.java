package dev.lighttrack.bench.run;

import dev.lighttrack.bench.device.ClockReader;
import dev.lighttrack.bench.device.ClockSnapshot;
import dev.lighttrack.bench.device.DeviceShell;
import dev.lighttrack.bench.device.ShellCommand;
import dev.lighttrack.bench.device.ShellResult;
import dev.lighttrack.bench.device.ThermalReader;
import dev.lighttrack.bench.device.ThermalSnapshot;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a target's temperatures and clocks (two shell calls) into the form run records keep. */
final class ConditionsReader {
    private ConditionsReader() {
    }

    static TargetConditions read(DeviceShell shell, DeviceProfile profile) {
        return read(new ThermalReader(shell).read(profile), shell, profile);
    }

    /** As a round begins: the conditions, the load average and the zones too hot to measure (three calls). */
    static RoundCondition readRound(DeviceShell shell, DeviceProfile profile) {
        ThermalSnapshot thermal = new ThermalReader(shell).read(profile);
        List<String> tooHot = thermal.tooHot().stream().map(z -> String.format(Locale.ROOT, "%s %.1f °C >= %.1f °C",
                z.zone(), z.celsius().orElse(Double.NaN), z.thresholdC())).toList();
        return new RoundCondition(read(thermal, shell, profile), loadAverage(shell), tooHot);
    }

    private static Double loadAverage(DeviceShell shell) {
        ShellResult r = shell.run(ShellCommand.of("cat", "/proc/loadavg"));
        String[] fields = r.exitCode() == 0 ? r.stdout().trim().split("\\s+") : new String[0];
        try {
            return fields.length > 0 ? Double.valueOf(fields[0]) : null;
        } catch (NumberFormatException e) {
            return null; // not Linux's format: the record says unknown
        }
    }

    private static TargetConditions read(ThermalSnapshot thermal, DeviceShell shell, DeviceProfile profile) {
        ClockSnapshot clocks = new ClockReader(shell).read(profile);
        Map<String, Double> temperatures = new LinkedHashMap<>();
        thermal.zones().forEach(z -> z.celsius().ifPresent(c -> temperatures.put(z.zone(), c)));
        thermal.battery().temperatureC().ifPresent(c -> temperatures.put("battery", c));
        Map<String, Long> khz = new LinkedHashMap<>();
        clocks.cores().forEach(c -> c.curKhz().ifPresent(f -> khz.put("cpu" + c.core(), f)));
        clocks.gpuHz().ifPresent(hz -> khz.put("gpu", hz / 1000));
        return new TargetConditions(temperatures, khz);
    }
}
