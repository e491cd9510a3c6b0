package dev.lighttrack.bench.ci;

import java.util.List;

/**
 * {@code bench ci check --json}, and the check's file {@code results/checks/<id>.json}: every device's check, and
 * the overall decision (the worst of them); {@code commit} as for run records.
 */
public record CiCheckReport(String id, String createdAt, String commit, String control, String treatment,
                            double thresholdPct, String test, Decision decision, List<DeviceCheck> devices) {
    /**
     * One device × backend: the two medians with intervals, the ratio, the decision and how it was reached;
     * {@code runs}: the ids of its run records (control and treatment of each A/B).
     */
    public record DeviceCheck(String device, String profile, String soc, boolean virtual, String backend,
                              String precision, String model, Decision decision, String note,
                              Comparison first, Comparison confirmation, List<String> runs) {
    }

    /** Regression if any device regressed, else inconclusive if any was, else improvement if all improved. */
    public static Decision overall(List<DeviceCheck> checks) {
        if (checks.stream().anyMatch(c -> c.decision() == Decision.REGRESSION)) {
            return Decision.REGRESSION;
        }
        if (checks.stream().anyMatch(c -> c.decision() == Decision.INCONCLUSIVE)) {
            return Decision.INCONCLUSIVE;
        }
        if (!checks.isEmpty() && checks.stream().allMatch(c -> c.decision() == Decision.IMPROVEMENT)) {
            return Decision.IMPROVEMENT;
        }
        return Decision.SAME;
    }
}
