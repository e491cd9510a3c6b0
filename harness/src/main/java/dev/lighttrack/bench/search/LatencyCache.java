package dev.lighttrack.bench.search;

import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.files.Sha256;
import dev.lighttrack.bench.lut.LutKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Measured latencies kept across generations and searches, by target key and model content:
 * {@code <root>/<sha256 of the key>/<model sha256>.json} (the key is written beside, as {@code key.json}), so
 * nothing is measured twice on the same device, backend, precision, threads and runner. Each entry is written as
 * soon as it is measured (atomically): an interrupted search keeps what it measured.
 */
public final class LatencyCache {
    private final Path dir;

    public LatencyCache(Path root, LutKey key) {
        String keyJson = JsonMapper.write(key);
        this.dir = root.resolve(Sha256.of(keyJson.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        Path keyFile = dir.resolve("key.json");
        if (!Files.exists(keyFile)) {
            AtomicFiles.write(keyFile, (keyJson + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A cached entry: the estimate and what measured it. */
    public record Entry(String modelSha256, String arch, LatencyEstimate latency, int iterations, int rounds,
                        String measuredAt) {
    }

    public Optional<LatencyEstimate> get(String modelSha256) {
        Path file = dir.resolve(modelSha256 + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonMapper.MAPPER.readValue(file.toFile(), Entry.class).latency());
        } catch (IOException e) {
            // a damaged entry is measured again (and rewritten), never trusted
            return Optional.empty();
        }
    }

    public void put(Entry entry) {
        AtomicFiles.write(dir.resolve(entry.modelSha256() + ".json"),
                (JsonMapper.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public Path dir() {
        return dir;
    }

}
