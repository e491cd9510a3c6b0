package dev.lighttrack.bench.results;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.stats.HistogramLogFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The {@code results/runs} folder: one {@code <id>.json} run record and one {@code <id>.hlog} histogram log
 * per run. Both land or neither: the log is written first (a record never points at a missing log) and removed
 * again when the record cannot be written. {@link #checkWritable()} is called before a measurement starts.
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

    /**
     * Fails (exit 2, saying why) unless run records can be written here: before any work, not after it. Creates
     * nothing: the folder is made when the first record is written.
     */
    public void checkWritable() {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw BenchException.badInput("results folder " + dir + (existing == null ? " has no existing parent"
                    : ": " + existing + " is a file, not a folder") + "; name a folder");
        }
        try {
            Files.delete(Files.createTempDirectory(existing, ".ltbench-write-check"));
        } catch (IOException e) {
            throw BenchException.badInput("cannot write run records to " + dir + ": " + IoReason.of(e)
                    + "; name a writable folder");
        }
    }

    /** Writes the histogram log and then the record, both or neither; returns the record's path. */
    public Path save(RunRecord record, Histogram histogram) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HistogramLogFile.write(histogram, "lighttrack-bench run " + record.id() + " latency in nanoseconds", log);
        Path hlog = dir.resolve(record.histogramFile());
        Path json = dir.resolve(record.id() + ".json");
        AtomicFiles.write(hlog, log.toByteArray());
        try {
            AtomicFiles.write(json, RunRecordJson.bytes(record));
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(hlog);
            } catch (IOException ignored) {
                // the record's own failure is the one to report
            }
            throw e;
        }
        return json;
    }

}
