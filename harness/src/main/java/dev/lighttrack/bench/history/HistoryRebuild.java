package dev.lighttrack.bench.history;

import dev.lighttrack.bench.ci.CiCheckReport;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.results.RunRecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench history rebuild}: the database made anew from the run records ({@code results/runs/*.json}) and
 * check reports ({@code results/checks/*.json}), into a temporary file that then replaces the old database, so a
 * failed rebuild leaves the old one. A file that cannot be read is skipped and named, never silently.
 */
public final class HistoryRebuild {
    private HistoryRebuild() {
    }

    /** What was rebuilt: counts, and each skipped file with why. */
    public record Result(Path database, int runs, int checks, List<String> skipped) {
    }

    public static Result rebuild(Path database, Path runsDir, Path checksDir) {
        Path tmp = database.resolveSibling(database.getFileName() + ".rebuild");
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw BenchException.badInput("cannot remove " + tmp + ": " + IoReason.of(e));
        }
        List<String> skipped = new ArrayList<>();
        int runs = 0;
        int checks = 0;
        try (HistoryDatabase db = HistoryDatabase.open(tmp)) {
            for (Path f : jsonFiles(runsDir)) {
                try {
                    db.add(HistoryEntry.of(RunRecordJson.read(f), f.getFileName().toString()));
                    runs++;
                } catch (RuntimeException e) {
                    skipped.add(f + ": " + e.getMessage());
                }
            }
            for (Path f : jsonFiles(checksDir)) {
                try {
                    CiCheckReport report = JsonMapper.MAPPER.readValue(f.toFile(), CiCheckReport.class);
                    CheckEntry.of(report).forEach(db::add);
                    checks++;
                } catch (IOException | RuntimeException e) {
                    skipped.add(f + ": " + e.getMessage());
                }
            }
        }
        try {
            Files.move(tmp, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw BenchException.badInput("cannot replace " + database + ": " + IoReason.of(e));
        }
        return new Result(database, runs, checks, List.copyOf(skipped));
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw BenchException.badInput("cannot list " + dir + ": " + IoReason.of(e));
        }
    }
}
