package dev.lighttrack.bench.history;

import dev.lighttrack.bench.errors.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results/history.sqlite}: every run and check, indexed for listing and change points (SQLite through
 * sqlite-jdbc). Opened, it is migrated to the current schema ({@link HistorySchema}). The run records and check
 * reports stay the source of truth: {@link HistoryRebuild} recreates this file from them.
 */
public final class HistoryDatabase implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private HistoryDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating it and its folder if needed) and migrates the database at {@code file}. */
    public static HistoryDatabase open(Path file) {
        return open(file, HistorySchema.VERSION);
    }

    static HistoryDatabase open(Path file, int version) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw BenchException.badInput("cannot create the folder of the history " + file + ": " + e.getMessage());
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (var s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000"); // two benches finishing at once wait, not fail
            }
            HistorySchema.migrate(c, version);
            return new HistoryDatabase(file, c);
        } catch (HistorySchema.NewerSchemaException e) {
            closeQuietly(c);
            throw BenchException.badInput("the history " + file + " has schema version " + e.version + ", newer than "
                    + "this bench knows (" + HistorySchema.VERSION + "): use a newer bench, or recreate it from the "
                    + "run records with 'bench history rebuild'");
        } catch (SQLException e) {
            closeQuietly(c);
            throw BenchException.badInput("cannot open the history " + file + ": " + e.getMessage()
                    + " ('bench history rebuild' recreates it from the run records)");
        }
    }

    public Path file() {
        return file;
    }

    int schemaVersion() throws SQLException {
        return HistorySchema.version(connection);
    }

    /** Adds a run, or replaces the one with its id. */
    public void add(HistoryEntry e) {
        String sql = "INSERT OR REPLACE INTO runs (id, created_at, commit_id, command, check_id, role, phase, serial, "
                + "profile, soc, virtual, backend, precision, model, model_sha256, runner_version, p50_us, "
                + "p50_ci_low_us, p50_ci_high_us, fps, record_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            Object[] values = {e.id(), e.createdAt(), e.commit(), e.command(), e.checkId(), e.role(), e.phase(),
                e.serial(), e.profile(), e.soc(), e.virtual() ? 1 : 0, e.backend(), e.precision(), e.model(),
                e.modelSha256(), e.runnerVersion(), e.p50Us(), e.p50CiLowUs(), e.p50CiHighUs(), e.fps(),
                e.recordFile()};
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException ex) {
            throw failure("add run " + e.id(), ex);
        }
    }

    /** Adds one device's check, or replaces it. */
    public void add(CheckEntry e) {
        String sql = "INSERT OR REPLACE INTO checks (check_id, created_at, commit_id, serial, profile, backend, "
                + "precision, control, treatment, decision, ratio, ratio_low, ratio_high, p, rounds, "
                + "threshold_pct) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, new Object[] {e.checkId(), e.createdAt(), e.commit(), e.serial(), e.profile(), e.backend(),
                e.precision(), e.control(), e.treatment(), e.decision(), e.ratio(), e.ratioLow(), e.ratioHigh(),
                e.p(), e.rounds(), e.thresholdPct()});
            s.executeUpdate();
        } catch (SQLException ex) {
            throw failure("add check " + e.checkId(), ex);
        }
    }

    /** All runs, oldest first; only those whose series contains {@code seriesPart} when it is not null. */
    public List<HistoryEntry> runs(String seriesPart) {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM runs ORDER BY created_at, id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                HistoryEntry e = new HistoryEntry(r.getString("id"), r.getString("created_at"),
                        r.getString("commit_id"), r.getString("command"), r.getString("check_id"),
                        r.getString("role"), r.getString("phase"), r.getString("serial"), r.getString("profile"),
                        r.getString("soc"), r.getInt("virtual") != 0, r.getString("backend"),
                        r.getString("precision"), r.getString("model"), r.getString("model_sha256"),
                        r.getString("runner_version"), r.getDouble("p50_us"), nullableDouble(r, "p50_ci_low_us"),
                        nullableDouble(r, "p50_ci_high_us"), r.getDouble("fps"), r.getString("record_file"));
                if (seriesPart == null || e.series().contains(seriesPart)) {
                    out.add(e);
                }
            }
        } catch (SQLException ex) {
            throw failure("read the runs", ex);
        }
        return out;
    }

    /** All checks, oldest first. */
    public List<CheckEntry> checks() {
        List<CheckEntry> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM checks ORDER BY created_at, check_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new CheckEntry(r.getString("check_id"), r.getString("created_at"), r.getString("commit_id"),
                        r.getString("serial"), r.getString("profile"), r.getString("backend"),
                        r.getString("precision"), r.getString("control"), r.getString("treatment"),
                        r.getString("decision"), r.getDouble("ratio"), nullableDouble(r, "ratio_low"),
                        nullableDouble(r, "ratio_high"), r.getDouble("p"), r.getInt("rounds"),
                        r.getDouble("threshold_pct")));
            }
        } catch (SQLException ex) {
            throw failure("read the checks", ex);
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void bind(PreparedStatement s, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }

    private static Double nullableDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private BenchException failure(String what, SQLException e) {
        return BenchException.badInput("cannot " + what + " in the history " + file + ": " + e.getMessage()
                + " ('bench history rebuild' recreates it from the run records)");
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing was pending: every write commits on its own
            }
        }
    }
}
