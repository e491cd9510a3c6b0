package dev.lighttrack.bench.history;

import dev.lighttrack.bench.ci.CiCheckReport;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.results.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where commands put their finished runs and checks into the history. The records on disk are already written
 * when this runs, so a history that cannot be written is a warning, not a failed run: the warning says how to
 * recreate it.
 */
public final class RunHistory {
    private final Path database;
    private final Path runsDir;
    private final Consumer<String> warn;

    /** @param runsDir the run records' usual folder: records there are named relative to it, others in full */
    public RunHistory(Path database, Path runsDir, Consumer<String> warn) {
        this.database = database;
        this.runsDir = runsDir.toAbsolutePath().normalize();
        this.warn = warn;
    }

    /** A run and the name of its record file. */
    public record Saved(RunRecord record, Path file) {
    }

    public void record(List<Saved> runs, CiCheckReport check) {
        try (HistoryDatabase db = HistoryDatabase.open(database)) {
            for (Saved s : runs) {
                Path file = s.file().toAbsolutePath().normalize();
                db.add(HistoryEntry.of(s.record(), file.startsWith(runsDir) ? runsDir.relativize(file).toString()
                        : file.toString()));
            }
            if (check != null) {
                CheckEntry.of(check).forEach(db::add);
            }
        } catch (BenchException e) {
            warn.accept("the history was not updated: " + e.getMessage());
        }
    }
}
