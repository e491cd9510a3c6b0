package dev.lighttrack.bench.device.profile;

import java.util.List;

/**
 * How a device is recognised: any listed value equal (ignoring case) to its {@code ro.soc.model},
 * {@code ro.board.platform} or {@code ro.hardware}. Empty for the host profile, which nothing matches.
 */
public record MatchRule(List<String> socModels, List<String> boardPlatforms, List<String> hardware) {
    public MatchRule {
        socModels = List.copyOf(socModels);
        boardPlatforms = List.copyOf(boardPlatforms);
        hardware = List.copyOf(hardware);
    }

    public boolean isEmpty() {
        return socModels.isEmpty() && boardPlatforms.isEmpty() && hardware.isEmpty();
    }
}
