package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.List;

/** One device of {@code bench devices --json}; what the device does not report is null. */
public record DeviceListing(String serial, String adbServer, String state, String model, String manufacturer,
                            String soc, String boardPlatform, String hardware, String abi, String androidRelease,
                            String sdk, String profile, Battery battery, List<Zone> thermal, String error) {
    public record Battery(Integer levelPercent, Double temperatureC) {
    }

    public record Zone(String zone, String source, Double celsius, double thresholdC) {
    }

    public static DeviceListing of(DeviceStatus status) {
        AttachedDevice d = status.device();
        DeviceProperties p = d.properties();
        Battery battery = status.thermal().map(t -> new Battery(t.battery().levelPercent().orElse(null),
                t.battery().temperatureC().orElse(null))).orElse(null);
        List<Zone> zones = status.thermal().map(t -> t.zones().stream()
                .map(z -> new Zone(z.zone(), z.source(), z.celsius().orElse(null), z.thresholdC())).toList())
                .orElse(List.of());
        return new DeviceListing(d.serial(), d.server().toString(), d.state().adbName(), p.model().orElse(null),
                p.manufacturer().orElse(null), p.soc().orElse(null), p.boardPlatform().orElse(null),
                p.hardware().orElse(null), p.abi().orElse(null), p.androidRelease().orElse(null),
                p.sdkLevel().orElse(null), d.profile().map(DeviceProfile::name).orElse(null), battery, zones,
                status.error().orElse(null));
    }
}
