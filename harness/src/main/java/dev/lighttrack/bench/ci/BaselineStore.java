package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named baselines, {@code results/baselines/<name>.json}: for each device × backend × precision, the run record
 * (in {@code results/runs}, with its raw samples' histogram) that a later {@code ci check --baseline NAME}
 * compares with. Saving again for the same device, backend and precision replaces that entry.
 */
public final class BaselineStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path dir;

    public BaselineStore(Path dir) {
        this.dir = dir;
    }

    /** One device's stored run. */
    public record Entry(String serial, String profile, String backend, String precision, String model,
                        String modelSha256, String runId, String createdAt, String commit) {
        boolean sameTarget(String serial, String backend, String precision) {
            return this.serial.equals(serial) && this.backend.equals(backend) && this.precision.equals(precision);
        }
    }

    public record Baseline(String name, List<Entry> entries) {
        public Optional<Entry> find(String serial, String backend, String precision) {
            return entries.stream().filter(e -> e.sameTarget(serial, backend, precision)).findFirst();
        }
    }

    public static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSetting("baseline", "'" + name + "' is not a baseline name (letters, digits, . _ -, at "
                    + "most 64, starting with a letter or digit)");
        }
        return name;
    }

    /** Adds or replaces entries of baseline {@code name}; returns the baseline as stored. */
    public Baseline save(String name, List<Entry> entries) {
        List<Entry> all = new ArrayList<>(exists(name) ? load(name).entries() : List.of());
        for (Entry e : entries) {
            all.removeIf(old -> old.sameTarget(e.serial(), e.backend(), e.precision()));
            all.add(e);
        }
        Baseline b = new Baseline(checkedName(name), List.copyOf(all));
        AtomicFiles.write(file(name), (JsonMapper.write(b) + "\n").getBytes(StandardCharsets.UTF_8));
        return b;
    }

    public Baseline load(String name) {
        if (!exists(name)) {
            throw BenchException.badInput("no baseline '" + name + "' in " + dir + " (saved: " + String.join(", ",
                    names().isEmpty() ? List.of("none") : names()) + "); save one with 'bench ci baseline save "
                    + name + " --device … --model …'");
        }
        try {
            return JsonMapper.MAPPER.readValue(file(name).toFile(), Baseline.class);
        } catch (IOException e) {
            throw BenchException.badInput("cannot read baseline " + file(name) + ": " + IoReason.of(e));
        }
    }

    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw BenchException.badInput("cannot list " + dir + ": " + IoReason.of(e));
        }
    }

    private boolean exists(String name) {
        return Files.isRegularFile(file(checkedName(name)));
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }
}
