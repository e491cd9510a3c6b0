package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the profile of a device from its properties. {@code ro.soc.model} is the most specific evidence, then
 * {@code ro.board.platform}, then {@code ro.hardware}; the catalog guarantees each value names one profile.
 * The host profile is never matched.
 */
public final class ProfileMatcher {
    private final ProfileCatalog catalog;

    public ProfileMatcher(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    public Optional<DeviceProfile> match(DeviceProperties properties) {
        return byValue(properties.socModel(), p -> p.match().socModels())
                .or(() -> byValue(properties.boardPlatform(), p -> p.match().boardPlatforms()))
                .or(() -> byValue(properties.hardware(), p -> p.match().hardware()));
    }

    private Optional<DeviceProfile> byValue(Optional<String> value, Function<DeviceProfile, List<String>> accepted) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return catalog.all().stream()
                .filter(p -> !p.isHost())
                .filter(p -> accepted.apply(p).stream().anyMatch(v -> v.equalsIgnoreCase(value.get().trim())))
                .findFirst();
    }
}
