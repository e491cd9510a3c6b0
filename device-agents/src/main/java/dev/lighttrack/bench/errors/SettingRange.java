package dev.lighttrack.bench.errors;

import java.util.Locale;

/** A numeric setting's allowed range, checked before any work; the CLI quotes it in --help. */
public record SettingRange(double min, double max) {
    public SettingRange {
        if (!(min <= max)) {
            throw new IllegalStateException("empty range " + min + ".." + max);
        }
    }

    /** Checks {@code value} of {@code setting}; NaN and infinities are never in range. */
    public double check(String setting, double value) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidSetting(setting, "must be " + describe() + ", got " + format(value));
        }
        return value;
    }

    /** Checks an integer {@code value} of {@code setting}. */
    public int check(String setting, int value) {
        check(setting, (double) value);
        return value;
    }

    /** "1-1000000", "0-3600". */
    public String describe() {
        return format(min) + "-" + format(max);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
