package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.Optional;

/**
 * A device as one adb server lists it. Only devices in state {@code device} are queried: the others have
 * empty properties and no profile. {@code queryError} says why an online device's properties are missing.
 */
public record AttachedDevice(
        AdbServerAddress server,
        String serial,
        DeviceState state,
        DeviceProperties properties,
        Optional<DeviceProfile> profile,
        Optional<String> queryError) {

    public boolean isOnline() {
        return state.isOnline();
    }

    /** A shell on this device through its adb server. */
    public DeviceShell shell() {
        return new AdbDeviceShell(server, serial);
    }

    /** Names the device in messages: serial, model and SoC as far as known, and state when not online. */
    public String describe() {
        StringBuilder sb = new StringBuilder(serial);
        if (!isOnline()) {
            return sb.append(" (").append(state.adbName()).append(")").toString();
        }
        StringBuilder details = new StringBuilder();
        properties.model().ifPresent(details::append);
        properties.soc().ifPresent(soc -> details.append(details.length() > 0 ? ", " : "").append(soc));
        profile.ifPresent(p -> details.append(details.length() > 0 ? ", " : "").append("profile ").append(p.name()));
        if (profile.isEmpty()) {
            details.append(details.length() > 0 ? ", " : "").append("no profile");
        }
        return sb.append(" (").append(details).append(")").toString();
    }
}
