package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.DeviceDiscovery;
import dev.lighttrack.bench.device.DeviceSelection;
import dev.lighttrack.bench.device.DeviceSelector;
import dev.lighttrack.bench.device.ProfileMatcher;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.profile.Backend;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns {@code --device SPEC} into the targets to measure: the host in-process, a virtual device started for
 * this run, or every attached device the spec selects. Checks the backend against each device's profile.
 */
final class TargetResolver {
    static final String VIRTUAL_PREFIX = "virtual:";

    private final AdbOptions adb;
    private final RunSettings settings;
    private final ProfileCatalog profiles = new ProfileLoader().loadDefault();

    TargetResolver(AdbOptions adb, RunSettings settings) {
        this.adb = adb;
        this.settings = settings;
    }

    /** A target to open, with the settings it runs with (its big cores as the default cpu list). */
    record Planned(Supplier<BenchmarkTarget> opener, RunSettings settings) {
        BenchmarkTarget open() {
            return opener.get();
        }
    }

    List<Planned> resolve(String spec, Optional<String> serial) {
        Backend backend = Backend.parse(settings.backend());
        if (spec.startsWith(VIRTUAL_PREFIX)) {
            if (serial.isPresent()) {
                throw new UserError("--serial cannot be combined with --device " + spec);
            }
            DeviceProfile profile = profiles.get(spec.substring(VIRTUAL_PREFIX.length()));
            if (profile.isHost()) {
                throw new UserError("--device virtual:host makes no sense: use --device host");
            }
            requireBackend(profile, backend);
            // the virtual device runs the agent on this host, whose cores are not the profile's: no pinning by default
            return List.of(new Planned(() -> Targets.virtual(profile, adb), settings));
        }
        DeviceSelection selection;
        if (spec.equals(DeviceProfile.HOST)) {
            selection = new DeviceSelection(profiles.get(DeviceProfile.HOST), List.of());
        } else {
            DeviceDiscovery discovery = new DeviceDiscovery(adb.prepare(), new ProfileMatcher(profiles));
            selection = new DeviceSelector(profiles, discovery::discover).select(spec, serial);
        }
        if (selection.isHost()) {
            if (spec.equals(DeviceSelector.AUTO)) {
                System.err.println("bench: no device attached: benchmarking this host (--device host)");
            }
            DeviceProfile host = profiles.get(DeviceProfile.HOST);
            requireBackend(host, backend);
            return List.of(new Planned(() -> Targets.host(host), settings));
        }
        requireBackend(selection.profile(), backend);
        return selection.devices().stream()
                .map(d -> new Planned(() -> Targets.adb(d, adb), VirtualDeviceSession.isVirtual(d) ? settings
                        : withBigCores(d.profile().orElse(selection.profile()))))
                .toList();
    }

    private RunSettings withBigCores(DeviceProfile profile) {
        if (settings.cpus() != null || profile.bigCores().isEmpty()) {
            return settings;
        }
        return settings.withCpus(profile.bigCores().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static void requireBackend(DeviceProfile profile, Backend backend) {
        if (!profile.offers(backend)) {
            throw new UserError("backend " + backend.id() + " is not offered by profile " + profile.name()
                    + "; it offers: " + profile.backends().keySet().stream().map(Backend::id)
                    .collect(Collectors.joining(", ")));
        }
    }
}
