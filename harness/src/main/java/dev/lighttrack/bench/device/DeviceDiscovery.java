package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the devices of every adb server and, for each online one, reads all its properties with one
 * {@code getprop} call and matches a profile. Offline and unauthorized devices are listed, not queried.
 */
public final class DeviceDiscovery {
    private static final ShellCommand GETPROP = ShellCommand.of("getprop");

    private final AdbServers servers;
    private final ProfileMatcher matcher;
    private final DeviceShellFactory shells;

    public DeviceDiscovery(AdbServers servers, ProfileMatcher matcher, DeviceShellFactory shells) {
        this.servers = servers;
        this.matcher = matcher;
        this.shells = shells;
    }

    public DeviceDiscovery(AdbServers servers, ProfileMatcher matcher) {
        this(servers, matcher, DeviceShellFactory.ADB);
    }

    /** Every device on every server, in server order then the server's order. */
    public List<AttachedDevice> discover() {
        List<AttachedDevice> devices = new ArrayList<>();
        for (AdbServerAddress server : servers.addresses()) {
            for (AdbDeviceEntry entry : new AdbServerClient(server).devices()) {
                devices.add(describe(server, entry));
            }
        }
        return List.copyOf(devices);
    }

    private AttachedDevice describe(AdbServerAddress server, AdbDeviceEntry entry) {
        if (!entry.state().isOnline()) {
            return new AttachedDevice(server, entry.serial(), entry.state(), DeviceProperties.NONE,
                    Optional.empty(), Optional.empty());
        }
        try {
            ShellResult result = shells.open(server, entry.serial()).run(GETPROP).requireSuccess("getprop");
            DeviceProperties properties = DeviceProperties.parseGetprop(result.stdout());
            Optional<DeviceProfile> profile = matcher.match(properties);
            return new AttachedDevice(server, entry.serial(), entry.state(), properties, profile, Optional.empty());
        } catch (DeviceCommunicationException e) {
            // a device that vanished between listing and querying is still worth showing, with the reason
            return new AttachedDevice(server, entry.serial(), entry.state(), DeviceProperties.NONE,
                    Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
