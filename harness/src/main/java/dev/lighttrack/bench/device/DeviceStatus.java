package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.SysfsNodes;
import java.util.List;
import java.util.Optional;

/** An attached device with its current battery and thermal readings, as {@code bench devices} shows it. */
public record DeviceStatus(AttachedDevice device, Optional<ThermalSnapshot> thermal, Optional<String> error) {
    /**
     * Reads temperatures of an online device: its profile's zones, or only the battery when it has no profile.
     * Devices that are not online, or whose properties could not be read, are returned as they are.
     */
    public static DeviceStatus read(AttachedDevice device) {
        if (!device.isOnline() || device.queryError().isPresent()) {
            return new DeviceStatus(device, Optional.empty(), device.queryError());
        }
        try {
            ThermalReader reader = new ThermalReader(device.shell());
            ThermalSnapshot snapshot = device.profile().map(reader::read).orElseGet(() -> reader.read(List.of(),
                    SysfsNodes.defaultBatteryLevel(), SysfsNodes.defaultBatteryTemp()));
            return new DeviceStatus(device, Optional.of(snapshot), Optional.empty());
        } catch (DeviceCommunicationException e) {
            return new DeviceStatus(device, Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
