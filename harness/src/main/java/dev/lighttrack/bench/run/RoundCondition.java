package dev.lighttrack.bench.run;

import java.util.List;

/**
 * The target's state as one round of an interleaved run began: temperatures and clocks where the target has
 * them, the 1-minute load average ({@code /proc/loadavg}; null where unreadable), and the thermal zones at or
 * above their gate's threshold. A round begun while any zone was too hot is excluded: its samples are dropped,
 * as a single benchmark would not have started then.
 */
public record RoundCondition(TargetConditions conditions, Double loadAverage1m, List<String> tooHot) {
    public static final RoundCondition UNKNOWN = new RoundCondition(TargetConditions.NONE, null, List.of());

    public RoundCondition {
        tooHot = List.copyOf(tooHot);
    }

    public boolean excluded() {
        return !tooHot.isEmpty();
    }
}
