package dev.lighttrack.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lighttrack.bench.device.AttachedDevice;
import dev.lighttrack.bench.device.DeviceProperties;
import dev.lighttrack.bench.device.DeviceStatus;
import dev.lighttrack.bench.device.ThermalSnapshot;
import dev.lighttrack.bench.device.ZoneTemperature;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.List;
import java.util.Optional;

/** The JSON of {@code bench devices --json}: an array with one object per device; unknown values are null. */
final class DeviceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeviceJson() {
    }

    static String render(List<DeviceStatus> statuses) {
        if (statuses.isEmpty()) {
            return "[]";   // Jackson's pretty printer would write "[ ]"
        }
        ArrayNode array = MAPPER.createArrayNode();
        statuses.forEach(status -> array.add(device(status)));
        try {
            return MAPPER.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write device list as JSON", e);
        }
    }

    private static ObjectNode device(DeviceStatus status) {
        AttachedDevice d = status.device();
        DeviceProperties p = d.properties();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("serial", d.serial());
        o.put("adb_server", d.server().toString());
        o.put("state", d.state().adbName());
        o.put("model", p.model().orElse(null));
        o.put("manufacturer", p.manufacturer().orElse(null));
        o.put("soc", p.soc().orElse(null));
        o.put("board_platform", p.boardPlatform().orElse(null));
        o.put("hardware", p.hardware().orElse(null));
        o.put("abi", p.abi().orElse(null));
        o.put("android_release", p.androidRelease().orElse(null));
        o.put("sdk", p.sdkLevel().orElse(null));
        o.put("profile", d.profile().map(DeviceProfile::name).orElse(null));
        Optional<ThermalSnapshot> thermal = status.thermal();
        if (thermal.isPresent()) {
            ObjectNode battery = o.putObject("battery");
            thermal.get().battery().levelPercent().ifPresentOrElse(l -> battery.put("level_percent", l),
                    () -> battery.putNull("level_percent"));
            thermal.get().battery().temperatureC().ifPresentOrElse(t -> battery.put("temperature_c", t),
                    () -> battery.putNull("temperature_c"));
            ArrayNode zones = o.putArray("thermal");
            for (ZoneTemperature zone : thermal.get().zones()) {
                ObjectNode z = zones.addObject();
                z.put("zone", zone.zone());
                z.put("source", zone.source());
                zone.celsius().ifPresentOrElse(c -> z.put("celsius", c), () -> z.putNull("celsius"));
                z.put("threshold_c", zone.thresholdC());
            }
        } else {
            o.putNull("battery");
            o.putArray("thermal");
        }
        o.put("error", status.error().orElse(null));
        return o;
    }
}
