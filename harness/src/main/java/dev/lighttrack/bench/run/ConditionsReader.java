package dev.lighttrack.bench.run;

import dev.lighttrack.bench.device.ClockReader;
import dev.lighttrack.bench.device.ClockSnapshot;
import dev.lighttrack.bench.device.DeviceShell;
import dev.lighttrack.bench.device.ThermalReader;
import dev.lighttrack.bench.device.ThermalSnapshot;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a target's temperatures and clocks (two shell calls) into the form run records keep. */
final class ConditionsReader {
    private ConditionsReader() {
    }

    static TargetConditions read(DeviceShell shell, DeviceProfile profile) {
        ThermalSnapshot thermal = new ThermalReader(shell).read(profile);
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
