package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.List;

/** What a {@code --device} spec resolved to: the profile, and the attached devices to run on (none for the host). */
public record DeviceSelection(DeviceProfile profile, List<AttachedDevice> devices) {
    public DeviceSelection {
        devices = List.copyOf(devices);
    }

    /** True when the run happens on this machine, in-process. */
    public boolean isHost() {
        return devices.isEmpty();
    }
}
