package dev.lighttrack.bench.lut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A latency lookup table: its key, how it was measured, which statistic it predicts, the measured entries by op
 * signature, the whole-model runs the correction is fitted to, and the fit (null until fitted).
 */
public record LutTable(String schemaVersion, LutKey key, LutSettings settings, LutStatistic statistic,
                       Map<String, LutEntry> entries, List<WholeModelRun> wholeModels, LutFit fit, String createdAt,
                       String updatedAt) {
    public static final String SCHEMA_VERSION = "1.2";

    public LutTable {
        statistic = statistic == null ? LutStatistic.P50 : statistic;
        entries = Collections.unmodifiableMap(new TreeMap<>(entries == null ? Map.of() : entries));
        wholeModels = List.copyOf(wholeModels == null ? List.of() : wholeModels);
    }

    public static LutTable empty(LutKey key, LutSettings settings, LutStatistic statistic, String now) {
        return new LutTable(SCHEMA_VERSION, key, settings, statistic, Map.of(), List.of(), null, now, now);
    }

    /** The same measurements predicting another statistic; the fit must be redone. */
    public LutTable withStatistic(LutStatistic s, String now) {
        return new LutTable(schemaVersion, key, settings, s, entries, wholeModels, null, createdAt, now);
    }

    public LutTable with(LutEntry e, String now) {
        Map<String, LutEntry> m = new TreeMap<>(entries);
        m.put(e.signature(), e);
        return new LutTable(schemaVersion, key, settings, statistic, m, wholeModels, fit, createdAt, now);
    }

    public LutTable with(WholeModelRun run, String now) {
        List<WholeModelRun> runs = new ArrayList<>(wholeModels);
        runs.removeIf(r -> r.arch().equals(run.arch()));
        runs.add(run);
        return new LutTable(schemaVersion, key, settings, statistic, entries, runs, fit, createdAt, now);
    }

    public LutTable withFit(LutFit f, String now) {
        return new LutTable(schemaVersion, key, settings, statistic, entries, wholeModels, f, createdAt, now);
    }

    public WholeModelRun wholeModel(String arch) {
        return wholeModels.stream().filter(r -> r.arch().equals(arch)).findFirst().orElse(null);
    }
}
