package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.SysfsNode;
import dev.lighttrack.bench.device.profile.ThermalZone;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads thermal zones and the battery in one shell call. Zones given by type are found by scanning
 * {@code thermal_zone*}/type on the device; the battery falls back to {@code dumpsys battery} when SELinux hides
 * its sysfs files.
 */
public final class ThermalReader {
    public static final String THERMAL_ROOT = "/sys/class/thermal";

    /*
     * Arguments: the thermal root, then tagged items: "p:PATH" (a zone file), "b:PATH" (a battery file),
     * "t:TYPE" (a zone type). Output: "#N<TAB>VALUE" for the Nth item when it is a file (by position, not path:
     * a virtual device rewrites paths, so echoed paths need not match), "t:TYPE<TAB>VALUE<TAB>ZONE DIR" per zone
     * type found, and
     * "dumpsys:level|temperature<TAB>VALUE" lines when a battery file could not be read.
     */
    private static final String SCRIPT = String.join("\n",
            "r=$1; shift; d=; i=0",
            "for a in \"$@\"; do i=$((i+1)); case \"$a\" in",
            "  p:*|b:*) v=; { read -r v < \"${a#??}\"; } 2>/dev/null; printf '#%s\\t%s\\n' \"$i\" \"$v\"",
            "           case \"$a\" in b:*) [ -n \"$v\" ] || d=1;; esac;;",
            "esac; done",
            "for z in \"$r\"/thermal_zone*; do",
            "  t=; { read -r t < \"$z/type\"; } 2>/dev/null; [ -n \"$t\" ] || continue",
            "  for a in \"$@\"; do if [ \"$a\" = \"t:$t\" ]; then",
            "    v=; { read -r v < \"$z/temp\"; } 2>/dev/null; printf '%s\\t%s\\t%s\\n' \"$a\" \"$v\" \"$z\"",
            "  fi; done",
            "done",
            "if [ -n \"$d\" ]; then dumpsys battery 2>/dev/null | while read -r k v; do case \"$k\" in",
            "  level:|temperature:) printf 'dumpsys:%s\\t%s\\n' \"${k%:}\" \"$v\";;",
            "esac; done; fi",
            "exit 0");

    private final DeviceShell shell;
    private final String thermalRoot;
    private final Clock clock;

    public ThermalReader(DeviceShell shell) {
        this(shell, THERMAL_ROOT, Clock.systemUTC());
    }

    /** With another thermal root (tests, sandboxes). */
    public ThermalReader(DeviceShell shell, String thermalRoot, Clock clock) {
        this.shell = shell;
        this.thermalRoot = thermalRoot;
        this.clock = clock;
    }

    /** The profile's zones and battery. */
    public ThermalSnapshot read(DeviceProfile profile) {
        return read(profile.thermal().zones(), profile.sysfs().batteryLevel(), profile.sysfs().batteryTempDeciC());
    }

    /** {@code zones} and the battery ({@code batteryTemp} in tenths of a °C, as Android reports it). */
    public ThermalSnapshot read(List<ThermalZone> zones, SysfsNode batteryLevel, SysfsNode batteryTemp) {
        List<String> args = new ArrayList<>();
        args.add(thermalRoot);
        for (ThermalZone zone : zones) {
            zone.path().ifPresent(path -> args.add("p:" + path));
            zone.types().forEach(type -> args.add("t:" + type));
        }
        args.add("b:" + batteryLevel.path());
        args.add("b:" + batteryTemp.path());
        ShellResult result = shell.run(ShellCommand.script(SCRIPT, args)).requireSuccess("reading temperatures on " + shell.describe());
        Map<String, String[]> lines = firstLineByItem(result.stdout());
        for (int i = 1; i < args.size(); i++) {
            String[] line = lines.get("#" + i);
            if (line != null) {
                lines.putIfAbsent(args.get(i), line);
            }
        }

        List<ZoneTemperature> temperatures = new ArrayList<>();
        for (ThermalZone zone : zones) {
            temperatures.add(temperature(zone, lines));
        }
        Optional<Integer> level = number(value(lines, "b:" + batteryLevel.path()).or(() -> value(lines, "dumpsys:level")))
                .map(Double::intValue);
        Optional<Double> batteryC = number(value(lines, "b:" + batteryTemp.path())
                .or(() -> value(lines, "dumpsys:temperature"))).map(tenths -> tenths / 10.0);
        return new ThermalSnapshot(clock.instant(), temperatures, new BatteryStatus(level, batteryC));
    }

    private static ZoneTemperature temperature(ThermalZone zone, Map<String, String[]> lines) {
        if (zone.path().isPresent()) {
            String path = zone.path().get();
            return new ZoneTemperature(zone.name(), path, celsius(value(lines, "p:" + path), zone), zone.thresholdC());
        }
        for (String type : zone.types()) {
            String[] line = lines.get("t:" + type);
            if (line != null) {
                String where = line.length > 2 ? line[2] + " (" + type + ")" : "type " + type;
                return new ZoneTemperature(zone.name(), where, celsius(value(lines, "t:" + type), zone), zone.thresholdC());
            }
        }
        return new ZoneTemperature(zone.name(), zone.source() + " (not found)", Optional.empty(), zone.thresholdC());
    }

    private static Optional<Double> celsius(Optional<String> raw, ThermalZone zone) {
        return number(raw).map(v -> v / zone.scale());
    }

    private static Map<String, String[]> firstLineByItem(String stdout) {
        Map<String, String[]> lines = new HashMap<>();
        for (String line : stdout.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length >= 2) {
                lines.putIfAbsent(fields[0], fields);
            }
        }
        return lines;
    }

    private static Optional<String> value(Map<String, String[]> lines, String item) {
        String[] line = lines.get(item);
        return line == null || line[1].isBlank() ? Optional.empty() : Optional.of(line[1].trim());
    }

    static Optional<Double> number(Optional<String> text) {
        try {
            return text.map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
