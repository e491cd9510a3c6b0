package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.run.RunSettings;

/** How the entries of a table were measured (recorded, not part of the key). */
public record LutSettings(int warmup, int iterations, double minSeconds, String cpus) {
    public static LutSettings of(RunSettings s) {
        return new LutSettings(s.warmup(), s.iterations(), s.minSeconds(), s.cpus());
    }
}
