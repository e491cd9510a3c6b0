package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.AttachedDevice;
import dev.lighttrack.bench.device.BatteryStatus;
import dev.lighttrack.bench.device.DeviceStatus;
import dev.lighttrack.bench.device.ThermalSnapshot;
import dev.lighttrack.bench.device.ZoneTemperature;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text table of {@code bench devices}: aligned columns, "-" for what is unknown. */
final class DeviceTable {
    private static final List<String> HEADER = List.of("SERIAL", "STATE", "MODEL", "SOC", "ABI", "PROFILE", "BATTERY",
            "TEMPERATURES", "ADB SERVER");

    private DeviceTable() {
    }

    static String render(List<DeviceStatus> statuses) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (DeviceStatus status : statuses) {
            rows.add(row(status));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        for (DeviceStatus status : statuses) {
            status.error().ifPresent(e -> sb.append(status.device().serial()).append(": ").append(e).append('\n'));
        }
        return sb.toString();
    }

    private static List<String> row(DeviceStatus status) {
        AttachedDevice d = status.device();
        return List.of(
                d.serial(),
                d.state().adbName(),
                d.properties().model().orElse("-"),
                d.properties().soc().orElse("-"),
                d.properties().abi().orElse("-"),
                d.isOnline() && d.queryError().isEmpty() ? d.profile().map(DeviceProfile::name).orElse("none") : "-",
                status.thermal().map(ThermalSnapshot::battery).map(DeviceTable::battery).orElse("-"),
                status.thermal().map(DeviceTable::temperatures).orElse("-"),
                d.server().toString());
    }

    private static String battery(BatteryStatus battery) {
        String level = battery.levelPercent().map(l -> l + "%").orElse("?");
        String temp = battery.temperatureC().map(DeviceTable::celsius).orElse("?");
        return level.equals("?") && temp.equals("?") ? "-" : level + " " + temp;
    }

    private static String temperatures(ThermalSnapshot snapshot) {
        if (snapshot.zones().isEmpty()) {
            return "-";
        }
        return snapshot.zones().stream()
                .map(z -> z.zone() + " " + z.celsius().map(DeviceTable::celsius).orElse("?") + (z.isTooHot() ? "!" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String celsius(double value) {
        return String.format(Locale.ROOT, "%.1fC", value);
    }

    /** For the footnote of zones over their thresholds. */
    static boolean anyTooHot(List<DeviceStatus> statuses) {
        return statuses.stream().flatMap(s -> s.thermal().stream()).flatMap(t -> t.zones().stream())
                .anyMatch(ZoneTemperature::isTooHot);
    }
}
