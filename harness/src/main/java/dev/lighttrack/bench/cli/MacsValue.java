package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import java.util.Locale;

/** Parses MAC counts as users write them: 600M, 1.2G, 6e8, 600000000. */
final class MacsValue {
    private MacsValue() {
    }

    /** @param setting the field it is for ({@code maxMacs}), named in the error */
    static long parse(String setting, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            factor = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1e3;
                case 'M' -> 1e6;
                default -> 1e9;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t) * factor;
            if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return (long) v;
        } catch (NumberFormatException e) {
            throw new InvalidSetting(setting, "'" + text + "' is not a positive MAC count (e.g. 600M, 6e8, 600000000)");
        }
    }
}
