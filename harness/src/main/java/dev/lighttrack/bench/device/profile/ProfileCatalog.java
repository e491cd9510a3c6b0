package dev.lighttrack.bench.device.profile;

import dev.lighttrack.bench.errors.BenchException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * All loaded profiles by name. Guarantees that no identifier value appears in two profiles under the same
 * property, so matching a device is never ambiguous.
 */
public final class ProfileCatalog {
    private final Map<String, DeviceProfile> byName;

    public ProfileCatalog(Collection<DeviceProfile> profiles) {
        Map<String, DeviceProfile> sorted = new TreeMap<>();
        for (DeviceProfile profile : profiles) {
            DeviceProfile previous = sorted.putIfAbsent(profile.name(), profile);
            if (previous != null) {
                throw BenchException.badInput(profile.source() + ": profile name '" + profile.name()
                        + "' is already used by " + previous.source());
            }
        }
        checkUnique(sorted.values(), "match.soc_model", p -> p.match().socModels());
        checkUnique(sorted.values(), "match.board_platform", p -> p.match().boardPlatforms());
        checkUnique(sorted.values(), "match.hardware", p -> p.match().hardware());
        this.byName = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The profile called {@code name}, or an error listing the known ones. */
    public DeviceProfile get(String name) {
        DeviceProfile profile = byName.get(name);
        if (profile == null) {
            throw BenchException.badInput("unknown device profile '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return profile;
    }

    public Optional<DeviceProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Profile names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Profiles sorted by name. */
    public List<DeviceProfile> all() {
        return List.copyOf(byName.values());
    }

    private static void checkUnique(Collection<DeviceProfile> profiles, String field,
            Function<DeviceProfile, List<String>> values) {
        Map<String, DeviceProfile> seen = new HashMap<>();
        for (DeviceProfile profile : profiles) {
            for (String value : values.apply(profile)) {
                DeviceProfile other = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), profile);
                if (other != null && other != profile) {
                    throw BenchException.badInput(profile.source() + ": " + field + ": '" + value
                            + "' is also claimed by profile " + other.name() + " (" + other.source() + ")");
                }
            }
        }
    }
}
