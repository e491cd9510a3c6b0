package dev.lighttrack.bench.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history database's schema, as numbered steps: a database at version v (SQLite's {@code user_version}) is
 * brought to {@link #VERSION} by running steps v+1 … VERSION, each in one transaction, so a database of an older
 * bench is migrated in place and a failed step leaves the previous version intact. A database from a newer bench
 * is refused, not guessed at.
 */
final class HistorySchema {
    /** Step 1: the runs; step 2: the checks' decisions and a series index. */
    private static final List<List<String>> STEPS = List.of(
            List.of("""
                    CREATE TABLE runs (
                      id TEXT PRIMARY KEY, created_at TEXT NOT NULL, commit_id TEXT, command TEXT NOT NULL,
                      check_id TEXT, role TEXT, phase TEXT, serial TEXT NOT NULL, profile TEXT, soc TEXT,
                      virtual INTEGER NOT NULL, backend TEXT NOT NULL, precision TEXT NOT NULL, model TEXT NOT NULL,
                      model_sha256 TEXT, runner_version TEXT, p50_us REAL NOT NULL, p50_ci_low_us REAL,
                      p50_ci_high_us REAL, fps REAL NOT NULL, record_file TEXT)"""),
            List.of("""
                    CREATE TABLE checks (
                      check_id TEXT NOT NULL, created_at TEXT NOT NULL, commit_id TEXT, serial TEXT NOT NULL,
                      profile TEXT, backend TEXT NOT NULL, precision TEXT NOT NULL, control TEXT NOT NULL,
                      treatment TEXT NOT NULL, decision TEXT NOT NULL, ratio REAL NOT NULL, ratio_low REAL,
                      ratio_high REAL, p REAL NOT NULL, rounds INTEGER NOT NULL, threshold_pct REAL NOT NULL,
                      PRIMARY KEY (check_id, serial, backend, precision))""",
                    "CREATE INDEX runs_series ON runs (serial, backend, precision, model, created_at)"));

    static final int VERSION = STEPS.size();

    private HistorySchema() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Brings {@code c} to version {@code target} (≤ {@link #VERSION}); returns the version it had. */
    static int migrate(Connection c, int target) throws SQLException {
        int from = version(c);
        if (from > VERSION) {
            throw new NewerSchemaException(from);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = from + 1; v <= target; v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : STEPS.get(v - 1)) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + v);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return from;
    }

    /** A database written by a newer bench: its schema is unknown here. */
    static final class NewerSchemaException extends RuntimeException {
        final int version;

        NewerSchemaException(int version) {
            super("schema version " + version);
            this.version = version;
        }
    }
}
