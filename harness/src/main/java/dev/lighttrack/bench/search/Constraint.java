package dev.lighttrack.bench.search;

import dev.lighttrack.bench.space.Architecture;
import java.util.List;

/** What makes a candidate feasible: its latency under a budget, or (the paper's proxy) its MACs under a limit. */
public interface Constraint {
    /** One verdict per arch, in order; a latency constraint asks its source for the whole batch at once. */
    List<Verdict> judge(List<Architecture> archs);

    /** For reports: "latency <= 25 ms (measured on …)", "macs <= 600M". */
    String describe();

    /** {@code latency}: null when the constraint did not need one. */
    record Verdict(LatencyEstimate latency, boolean feasible) {
    }

    /** The latency of {@code source} under {@code budgetUs} (its whole interval when there is one). */
    static Constraint latency(LatencySource source, double budgetUs) {
        return new Constraint() {
            @Override
            public List<Verdict> judge(List<Architecture> archs) {
                return source.estimate(archs, budgetUs).stream().map(e -> new Verdict(e, e.within(budgetUs))).toList();
            }

            @Override
            public String describe() {
                return source.describe();
            }
        };
    }

    /** LightTrack's own constraint: MACs at the search's sizes at most {@code limit}. */
    static Constraint macs(long limit, int searchSize, int templateSize) {
        return new Constraint() {
            @Override
            public List<Verdict> judge(List<Architecture> archs) {
                return archs.stream().map(a -> new Verdict(null, dev.lighttrack.bench.space.SubnetBuilder
                        .search(a, searchSize, templateSize).cost().macs() <= limit)).toList();
            }

            @Override
            public String describe() {
                return "macs <= " + limit / 1_000_000 + "M (the paper's proxy constraint)";
            }
        };
    }
}
