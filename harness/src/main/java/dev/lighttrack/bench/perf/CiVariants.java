package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.space.ArchEvolution;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Candidate versions of a base architecture with somewhat more computation, for checking a regression check:
 * seeded mutants of the base (each gene resampled with probability 0.1) whose MACs exceed the base's by up to
 * {@link #MAX_MACS_RATIO}, spread evenly over that range. MACs only spread the candidates: how much slower each
 * really is gets measured ({@link CiAcceptance#reference}), since MACs predict latency poorly.
 */
public final class CiVariants {
    static final int MUTANTS = 4000;
    static final double MAX_MACS_RATIO = 1.25;

    private CiVariants() {
    }

    /** A candidate: the architecture and its MACs over the base's. */
    public record Candidate(Architecture arch, double macsRatio) {
    }

    public static List<Candidate> candidates(Architecture base, int searchSize, int count, long seed) {
        ArchEvolution evolution = new ArchEvolution(base.space());
        double baseMacs = macs(base, searchSize);
        Random rng = new Random(seed);
        Map<String, Candidate> distinct = new LinkedHashMap<>();
        for (int i = 0; i < MUTANTS; i++) {
            Architecture m = evolution.mutate(base, 0.1, rng);
            double r = macs(m, searchSize) / baseMacs;
            if (r > 1 && r <= MAX_MACS_RATIO) {
                distinct.putIfAbsent(ArchStringCodec.format(m), new Candidate(m, r));
            }
        }
        List<Candidate> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Comparator.comparingDouble(Candidate::macsRatio));
        if (sorted.size() <= count) {
            return sorted;
        }
        List<Candidate> spread = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spread.add(sorted.get((int) Math.round(i * (sorted.size() - 1) / (double) (count - 1))));
        }
        return spread;
    }

    private static double macs(Architecture a, int searchSize) {
        return SubnetBuilder.search(a, searchSize, SubnetBuilder.DEFAULT_TEMPLATE_SIZE).cost().macs();
    }
}
