package dev.lighttrack.bench.history;

import dev.lighttrack.bench.results.RunRecord;
import java.util.List;

/**
 * One run as the history holds it: when, which commit, what made it (a bench run, or a half of a check), the
 * series it belongs to (device × backend × precision × model) and its headline numbers. A projection of its run
 * record, which stays the source of truth.
 */
public record HistoryEntry(String id, String createdAt, String commit, String command, String checkId, String role,
                           String phase, String serial, String profile, String soc, boolean virtual, String backend,
                           String precision, String model, String modelSha256, String runnerVersion, double p50Us,
                           Double p50CiLowUs, Double p50CiHighUs, double fps, String recordFile) {
    public static HistoryEntry of(RunRecord r, String recordFile) {
        RunRecord.Origin o = r.origin() != null ? r.origin() : RunRecord.Origin.bench(null);
        List<Double> ci = r.summary().p50CiUs();
        return new HistoryEntry(r.id(), r.createdAt(), o.commit(), o.command(), o.checkId(), o.role(), o.phase(),
                r.device().serial(), r.device().profile(), r.device().soc(), r.device().virtual(), r.backend(),
                r.precision(), seriesModel(r.model()), r.model().sha256(), r.runner().version(), r.summary().p50Us(),
                ci == null ? null : ci.get(0), ci == null ? null : ci.get(1), r.summary().fps(), recordFile);
    }

    /** The model's name, with its search size when it has one: another input size is another series. */
    static String seriesModel(RunRecord.Model m) {
        return m.searchSize() == null ? m.name() : m.name() + "-s" + m.searchSize();
    }

    /** {@code serial/backend/precision/model}: what a change point is looked for in. */
    public String series() {
        return series(serial, backend, precision, model);
    }

    /** A full git sha shortened as git does; a name given with --commit as given; "-" for none. */
    public static String shortCommit(String commit) {
        return commit == null ? "-" : commit.matches("[0-9a-f]{40,64}") ? commit.substring(0, 10) : commit;
    }

    static String series(String serial, String backend, String precision, String model) {
        return serial + "/" + backend + "/" + precision + "/" + model;
    }
}
