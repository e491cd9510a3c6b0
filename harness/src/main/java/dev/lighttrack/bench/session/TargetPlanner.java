package dev.lighttrack.bench.session;

import dev.lighttrack.bench.device.DeviceDiscovery;
import dev.lighttrack.bench.device.DeviceSelection;
import dev.lighttrack.bench.device.DeviceSelector;
import dev.lighttrack.bench.device.ProfileMatcher;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.profile.Backend;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link TargetSpec} into the targets to measure: the host in-process, a virtual device started for
 * this run, or every attached device the spec selects. Checks the backend against each device's profile.
 */
public final class TargetPlanner {
    public static final String VIRTUAL_PREFIX = "virtual:";
    /** {@code virtual:PROFILE:arm64}: a virtual device that reports arm64-v8a and runs the agent under qemu-user. */
    public static final String ARM64_SUFFIX = "arm64";

    private final TargetSpec spec;
    private final RunSettings settings;
    private final RunProgress progress;
    private final ProfileCatalog profiles = new ProfileLoader().loadDefault();

    public TargetPlanner(TargetSpec spec, RunSettings settings, RunProgress progress) {
        this.spec = spec;
        this.settings = settings;
        this.progress = progress;
    }

    public List<PlannedTarget> plan() {
        Backend backend = Backend.parse(settings.backend());
        TargetOpener opener = new TargetOpener(spec, progress);
        String device = spec.device();
        if (device.startsWith(VIRTUAL_PREFIX)) {
            if (spec.serial() != null) {
                throw new InvalidSetting("serial", "cannot be combined with a virtual device (" + device + ")");
            }
            String name = device.substring(VIRTUAL_PREFIX.length());
            boolean arm64 = false;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                String arch = name.substring(colon + 1);
                name = name.substring(0, colon);
                if (!arch.equals(ARM64_SUFFIX)) {
                    throw new InvalidSetting("device", device + " names an unknown architecture '" + arch + "': use "
                            + "virtual:PROFILE (this host's) or virtual:PROFILE:arm64 (arm64-v8a under qemu-user)");
                }
                arm64 = true;
            }
            DeviceProfile profile = profiles.get(name);
            if (profile.isHost()) {
                throw new InvalidSetting("device", device + " makes no sense: use host");
            }
            requireBackend(profile, backend);
            // the virtual device runs the agent on this host, whose cores are not the profile's: no pinning by default
            boolean emulated = arm64;
            return List.of(new PlannedTarget(() -> opener.virtual(profile, emulated), settings));
        }
        // the adb servers are asked (and the local one started) only when the spec needs attached devices
        DeviceSelection selection = new DeviceSelector(profiles,
                () -> new DeviceDiscovery(spec.prepareServers(), new ProfileMatcher(profiles)).discover())
                .select(device, spec.serialOption());
        if (selection.isHost()) {
            if (device.equals(DeviceSelector.AUTO)) {
                progress.say("no device attached: benchmarking this host (device host)");
            }
            DeviceProfile host = profiles.get(DeviceProfile.HOST);
            requireBackend(host, backend);
            return List.of(new PlannedTarget(() -> opener.host(host), settings));
        }
        requireBackend(selection.profile(), backend);
        return selection.devices().stream()
                .map(d -> new PlannedTarget(() -> opener.adb(d), VirtualDeviceSession.isVirtual(d) ? settings
                        : withBigCores(d.profile().orElse(selection.profile()))))
                .toList();
    }

    /** The one target the spec names; {@code purpose} ("a lookup table") says why more than one is refused. */
    public PlannedTarget planOne(String purpose) {
        List<PlannedTarget> planned = plan();
        if (planned.size() != 1) {
            throw new InvalidSetting("device", spec.device() + " selects " + planned.size() + " devices; " + purpose
                    + " is for one: choose it by its serial");
        }
        return planned.get(0);
    }

    private RunSettings withBigCores(DeviceProfile profile) {
        if (settings.cpus() != null || profile.bigCores().isEmpty()) {
            return settings;
        }
        return settings.withCpus(profile.bigCores().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static void requireBackend(DeviceProfile profile, Backend backend) {
        if (!profile.offers(backend)) {
            throw new InvalidSetting("backend", backend.id() + " is not offered by profile " + profile.name()
                    + "; it offers: " + profile.backends().keySet().stream().map(Backend::id)
                    .collect(Collectors.joining(", ")));
        }
    }
}
