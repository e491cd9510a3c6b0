package dev.lighttrack.bench.perf;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lighttrack.bench.run.TargetInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code bench perf plans --json}: both plans' retest agreement and every subnet's four medians (ms). */
public record PlanComparisonReport(String device, String profile, String cpu, String backend, int subnets, long seed,
                                   int iterations, double minSeconds, int batchSize, List<PlanScore> plans,
                                   List<Subnet> measurements) {
    public record PlanScore(String plan, int rounds, @JsonProperty("within_5pct") double within5pct,
                            @JsonProperty("within_10pct") double within10pct, double mape, double kendallTau,
                            double wallSeconds) {
        static PlanScore of(PlanComparison.Plan p) {
            return new PlanScore(p.name(), p.rounds(), p.retest().within5pct(), p.retest().within10pct(),
                    p.retest().mape(), p.retest().kendallTau(), p.wallSeconds());
        }
    }

    /** One subnet: each plan's first and second median. */
    public record Subnet(String arch, List<Double> blocksMs, List<Double> interleavedMs) {
    }

    public static PlanComparisonReport of(TargetInfo target, PlanComparison.Result r, long seed, int batchSize) {
        List<Subnet> rows = new ArrayList<>();
        for (int i = 0; i < r.archs().size(); i++) {
            rows.add(new Subnet(r.archs().get(i),
                    List.of(r.blocks().firstUs()[i] / 1000, r.blocks().secondUs()[i] / 1000),
                    List.of(r.interleaved().firstUs()[i] / 1000, r.interleaved().secondUs()[i] / 1000)));
        }
        return new PlanComparisonReport(target.serial(), target.profile(), target.soc(), r.settings().backend(),
                r.archs().size(), seed, r.settings().iterations(), r.settings().minSeconds(), batchSize,
                List.of(PlanScore.of(r.blocks()), PlanScore.of(r.interleaved())), rows);
    }
}
