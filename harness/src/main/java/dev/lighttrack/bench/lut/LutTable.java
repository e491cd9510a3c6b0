package dev.lighttrack.bench.lut;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A latency lookup table: its key, the measured entries by op signature, and the per-inference overhead
 * fitted from whole-model measurements (null until fitted).
 */
public record LutTable(String schemaVersion, LutKey key, Map<String, LutEntry> entries, Double overheadUs,
                       String createdAt, String updatedAt) {
    public static final String SCHEMA_VERSION = "1.0";

    public LutTable {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public LutTable with(LutEntry e, String now) {
        Map<String, LutEntry> m = new TreeMap<>(entries);
        m.put(e.signature(), e);
        return new LutTable(schemaVersion, key, m, overheadUs, createdAt, now);
    }

    public LutTable withOverhead(double us, String now) {
        return new LutTable(schemaVersion, key, entries, us, createdAt, now);
    }
}
