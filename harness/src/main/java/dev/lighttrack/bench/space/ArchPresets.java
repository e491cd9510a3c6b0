package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.BenchException;
import java.util.Map;
import java.util.TreeMap;

/** Named architectures. LightTrack-Mobile is the only subnet the LightTrack authors released. */
public final class ArchPresets {
    public static final String LIGHTTRACK_MOBILE = "back_04502514044521042540+cls_211000022+reg_100000111_ops_32";

    private static final Map<String, String> PRESETS = new TreeMap<>(Map.of("lighttrack-mobile", LIGHTTRACK_MOBILE));

    private ArchPresets() {
    }

    public static Map<String, String> all() {
        return PRESETS;
    }

    /** A preset name or an arch string. */
    public static Architecture resolve(String nameOrArch) {
        if (nameOrArch == null || nameOrArch.isBlank()) {
            throw BenchException.badInput("no architecture given: pass an arch string (back_...+cls_...+reg_..._ops_sb)"
                    + " or a preset name " + PRESETS.keySet());
        }
        String preset = PRESETS.get(nameOrArch);
        if (preset != null) {
            return ArchStringCodec.parse(preset);
        }
        if (!nameOrArch.startsWith("back_")) {
            throw BenchException.badInput("unknown architecture '" + ArchParseException.shorten(nameOrArch) + "': expected a preset name "
                    + PRESETS.keySet() + " or an arch string starting with 'back_'");
        }
        return ArchStringCodec.parse(nameOrArch);
    }

    /** The preset name of this architecture, or null. */
    public static String nameOf(Architecture arch) {
        String s = ArchStringCodec.format(arch);
        return PRESETS.entrySet().stream().filter(e -> e.getValue().equals(s)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }
}
