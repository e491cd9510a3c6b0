package dev.lighttrack.bench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseTest {
    @TempDir
    Path dir;

    static HistoryEntry entry(String id, String time, String commit, double p50Us) {
        return new HistoryEntry(id, time, commit, "bench", null, null, null, "host", "host", "AMD EPYC", false, "cpu",
                "fp32", "lighttrack-mobile", "ab12", "0.1.0", p50Us, p50Us * 0.98, p50Us * 1.02, 1e6 / p50Us,
                id + ".json");
    }

    @Test
    void anOlderDatabaseIsMigratedInPlaceAndKeepsItsRuns() throws Exception {
        Path file = dir.resolve("history.sqlite");
        try (HistoryDatabase v1 = HistoryDatabase.open(file, 1)) {
            assertEquals(1, v1.schemaVersion());
            v1.add(entry("r1", "2026-12-01T10:00:00Z", "aaa", 6000));
        }
        try (HistoryDatabase current = HistoryDatabase.open(file)) {
            assertEquals(HistorySchema.VERSION, current.schemaVersion());
            assertEquals(List.of(entry("r1", "2026-12-01T10:00:00Z", "aaa", 6000)), current.runs(null));
            // the step-2 table is there and works
            current.add(new CheckEntry("c1", "2026-12-01T11:00:00Z", null, "host", "host", "cpu", "fp32", "old",
                    "new", "same", 1.01, null, null, 0.4, 10, 5));
            CheckEntry c = current.checks().get(0);
            assertNull(c.ratioLow());
            assertNull(c.commit());
            assertEquals("same", c.decision());
        }
    }

    @Test
    void aNewerDatabaseIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("history.sqlite");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        BenchException e = assertThrows(BenchException.class, () -> HistoryDatabase.open(file));
        assertTrue(e.getMessage().contains("schema version 99, newer than this bench knows")
                && e.getMessage().contains("bench history rebuild"), e.getMessage());
    }

    @Test
    void notADatabaseIsAClearError() throws Exception {
        Path file = dir.resolve("history.sqlite");
        Files.writeString(file, "this is not sqlite, just text long enough to have a header of its own....");
        BenchException e = assertThrows(BenchException.class, () -> HistoryDatabase.open(file));
        assertTrue(e.getMessage().startsWith("cannot open the history " + file), e.getMessage());
    }

    @Test
    void runsListInTimeOrderAndFilterBySeries() {
        try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("h.sqlite"))) {
            db.add(entry("b", "2026-12-02T10:00:00Z", "bbb", 6100));
            db.add(entry("a", "2026-12-01T10:00:00Z", "aaa", 6000));
            db.add(entry("a", "2026-12-01T10:00:00Z", "aaa", 6050)); // replaced, not duplicated
            List<HistoryEntry> runs = db.runs(null);
            assertEquals(List.of("a", "b"), runs.stream().map(HistoryEntry::id).toList());
            assertEquals(6050, runs.get(0).p50Us());
            assertEquals(2, db.runs("host/cpu/fp32/lighttrack").size());
            assertEquals(0, db.runs("/gpu/").size());
        }
    }

    @Test
    void rebuildSkipsAndNamesWhatItCannotRead() throws Exception {
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        AtomicFiles.write(runs.resolve("junk.json"), "{\"not\": \"a record\"}".getBytes(StandardCharsets.UTF_8));
        Path db = dir.resolve("history.sqlite");
        try (HistoryDatabase old = HistoryDatabase.open(db)) {
            old.add(entry("stale", "2026-11-01T10:00:00Z", null, 1));
        }
        HistoryRebuild.Result r = HistoryRebuild.rebuild(db, runs, dir.resolve("checks"));
        assertEquals(0, r.runs());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).contains("junk.json"), r.skipped().toString());
        try (HistoryDatabase rebuilt = HistoryDatabase.open(db)) {
            assertEquals(List.of(), rebuilt.runs(null), "the rebuilt database holds only what the records say");
        }
    }
}
