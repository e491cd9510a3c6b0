package dev.lighttrack.bench.results;

import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.stats.HistogramLogFile;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The {@code results/runs} folder: one {@code <id>.json} run record and one {@code <id>.hlog} histogram log
 * per run. The log is written first, so a record never points at a missing log.
 */
public final class RunStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;

    public RunStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A new, unique run id: UTC time, device and a random suffix. */
    public static String newId(Instant now, String device) {
        String safe = device.replaceAll("[^A-Za-z0-9._-]", "_");
        return ID_TIME.format(now) + "-" + safe + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes the histogram log and then the record; returns the record's path. */
    public Path save(RunRecord record, Histogram histogram) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HistogramLogFile.write(histogram, "lighttrack-bench run " + record.id() + " latency in microseconds", log);
        AtomicFiles.write(dir.resolve(record.histogramFile()), log.toByteArray());
        Path json = dir.resolve(record.id() + ".json");
        AtomicFiles.write(json, RunRecordJson.bytes(record));
        return json;
    }
}
