package dev.lighttrack.bench.history;

import dev.lighttrack.bench.ci.CiCheckReport;
import dev.lighttrack.bench.ci.Comparison;
import java.util.ArrayList;
import java.util.List;

/** One device's part of a {@code ci check} as the history holds it: the decision and the numbers behind it. */
public record CheckEntry(String checkId, String createdAt, String commit, String serial, String profile,
                         String backend, String precision, String control, String treatment, String decision,
                         double ratio, Double ratioLow, Double ratioHigh, double p, int rounds,
                         double thresholdPct) {
    /** The treatment's series, as {@link HistoryEntry#series()}. */
    public String series() {
        return HistoryEntry.series(serial, backend, precision, treatment);
    }

    /** The entries of a stored check report, one per device. */
    public static List<CheckEntry> of(CiCheckReport report) {
        List<CheckEntry> out = new ArrayList<>();
        for (CiCheckReport.DeviceCheck d : report.devices()) {
            Comparison c = d.confirmation() != null ? d.confirmation() : d.first();
            List<Double> ci = c.ratioCi();
            out.add(new CheckEntry(report.id(), report.createdAt(), report.commit(), d.device(), d.profile(),
                    d.backend(), d.precision(), report.control(), report.treatment(), d.decision().label(), c.ratio(),
                    ci == null ? null : ci.get(0), ci == null ? null : ci.get(1), c.p(), c.rounds(),
                    c.thresholdPct()));
        }
        return out;
    }
}
