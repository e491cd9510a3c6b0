package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Resolves {@code --device SPEC [--serial S]}: a profile name selects every attached device matching that
 * profile; {@code host} selects this machine; {@code auto} selects the only online device, or this machine
 * when none is online. Devices are listed only when the spec needs them, so {@code host} needs no adb.
 */
public final class DeviceSelector {
    public static final String AUTO = "auto";

    private final ProfileCatalog catalog;
    private final Supplier<List<AttachedDevice>> attached;

    public DeviceSelector(ProfileCatalog catalog, Supplier<List<AttachedDevice>> attached) {
        this.catalog = catalog;
        this.attached = attached;
    }

    public DeviceSelection select(String spec, Optional<String> serial) {
        if (spec.equals(DeviceProfile.HOST)) {
            if (serial.isPresent()) {
                throw new InvalidSetting("serial", "cannot be combined with device host");
            }
            return new DeviceSelection(catalog.get(DeviceProfile.HOST), List.of());
        }
        if (spec.equals(AUTO)) {
            return selectAuto(serial);
        }
        if (catalog.find(spec).isEmpty()) {
            throw new InvalidSetting("device", "'" + spec + "' is unknown: give a profile name (" + String.join(", ",
                    catalog.names()) + "), host, virtual:PROFILE, or auto");
        }
        DeviceProfile profile = catalog.get(spec);
        List<AttachedDevice> devices = attached.get();
        List<AttachedDevice> matching = devices.stream()
                .filter(AttachedDevice::isOnline)
                .filter(d -> d.profile().map(p -> p.name().equals(spec)).orElse(false))
                .filter(d -> serial.map(s -> s.equals(d.serial())).orElse(true))
                .toList();
        if (matching.isEmpty()) {
            throw BenchException.badInput("no attached device matches profile " + spec
                    + serial.map(s -> " with serial " + s).orElse("") + "; " + inventory(devices));
        }
        return new DeviceSelection(profile, matching);
    }

    private DeviceSelection selectAuto(Optional<String> serial) {
        List<AttachedDevice> devices = attached.get();
        List<AttachedDevice> online = devices.stream()
                .filter(AttachedDevice::isOnline)
                .filter(d -> serial.map(s -> s.equals(d.serial())).orElse(true))
                .toList();
        if (online.isEmpty()) {
            if (serial.isPresent()) {
                throw BenchException.badInput("no online device with serial " + serial.get() + "; " + inventory(devices));
            }
            return new DeviceSelection(catalog.get(DeviceProfile.HOST), List.of());
        }
        if (online.size() > 1) {
            throw new InvalidSetting("device", "auto needs exactly one online device, but " + online.size()
                    + " are attached: name a profile, or choose one by its serial; " + inventory(devices));
        }
        AttachedDevice device = online.get(0);
        DeviceProfile profile = device.profile().orElseThrow(() -> BenchException.badInput(
                "device " + device.describe() + " matches no profile; add its ro.soc.model or ro.board.platform ("
                        + device.properties().soc().orElse("unknown") + ") to a profile in profiles/ (known: "
                        + String.join(", ", catalog.names()) + ")"));
        return new DeviceSelection(profile, List.of(device));
    }

    private String inventory(List<AttachedDevice> devices) {
        String attachedText = devices.isEmpty() ? "no devices are attached (see 'bench devices')"
                : "attached: " + devices.stream().map(AttachedDevice::describe).collect(Collectors.joining(", "));
        return attachedText + "; profiles: " + String.join(", ", catalog.names());
    }
}
