package dev.lighttrack.bench.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench history changes}: change points per series (device × backend × precision × model) over the runs'
 * medians in time order, each named by the run and commit where the level moved and the commit before it.
 */
public final class SeriesChanges {
    private SeriesChanges() {
    }

    /** A series' change: where (run, time, commit, the commit before), the levels either side, shift and p. */
    public record Change(String series, int index, String runId, String createdAt, String commit,
                         String previousCommit, double p50BeforeUs, double p50AfterUs, double magnitude, double p) {
        /** One line: where, the levels either side, the shift and p. */
        public String describe() {
            return String.format(Locale.ROOT, "at run %d (%s, commit %s, after %s): p50 %.3f -> %.3f ms (%+.1f%%), "
                    + "p %.2g", index, createdAt, HistoryEntry.shortCommit(commit),
                    HistoryEntry.shortCommit(previousCommit), p50BeforeUs / 1000, p50AfterUs / 1000,
                    100 * magnitude, p);
        }
    }

    /** One series: how many runs it has and its changes. */
    public record Series(String series, int runs, List<Change> changes) {
    }

    public static List<Series> find(List<HistoryEntry> runs, ChangePointDetector detector) {
        Map<String, List<HistoryEntry>> bySeries = new LinkedHashMap<>();
        for (HistoryEntry e : runs) {
            bySeries.computeIfAbsent(e.series(), k -> new ArrayList<>()).add(e);
        }
        List<Series> out = new ArrayList<>();
        for (var s : bySeries.entrySet()) {
            List<HistoryEntry> points = s.getValue();
            double[] p50 = points.stream().mapToDouble(HistoryEntry::p50Us).toArray();
            List<Change> changes = new ArrayList<>();
            for (ChangePointDetector.Change c : detector.detect(p50)) {
                HistoryEntry at = points.get(c.index());
                HistoryEntry before = points.get(c.index() - 1);
                changes.add(new Change(s.getKey(), c.index(), at.id(), at.createdAt(), at.commit(), before.commit(),
                        c.meanBefore(), c.meanAfter(), c.magnitude(), c.p()));
            }
            out.add(new Series(s.getKey(), points.size(), changes));
        }
        return out;
    }
}
