package dev.lighttrack.bench.search;

import java.util.List;

/**
 * A candidate's latency as the search knows it (µs): {@code source} {@code measured} (the median of a measurement
 * on the device, with its 95% interval when the plan had enough rounds) or {@code lut} (a table's prediction, no
 * interval). {@code flagged}: the interval straddled the budget even after measuring more, so the call was made
 * on the median.
 */
public record LatencyEstimate(String source, double p50Us, List<Double> ciUs, long samples, boolean flagged) {
    public LatencyEstimate {
        ciUs = ciUs == null ? null : List.copyOf(ciUs);
    }

    /** Under the budget: the whole interval when there is one (the median when flagged or without one). */
    public boolean within(double budgetUs) {
        if (ciUs == null || flagged) {
            return p50Us <= budgetUs;
        }
        return ciUs.get(1) <= budgetUs;
    }

    /** The interval has the budget inside it: more measuring may decide. */
    public boolean straddles(double budgetUs) {
        return ciUs != null && ciUs.get(0) <= budgetUs && ciUs.get(1) > budgetUs;
    }

    public LatencyEstimate asFlagged() {
        return new LatencyEstimate(source, p50Us, ciUs, samples, true);
    }
}
