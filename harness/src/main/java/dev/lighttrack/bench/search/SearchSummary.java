package dev.lighttrack.bench.search;

import dev.lighttrack.bench.stats.RankCorrelation;
import java.util.List;

/**
 * What a search found and what it says about FLOPs as a proxy (over the candidates whose latency was measured):
 * how many fit LightTrack's MACs constraint but miss the latency budget, how many meet the budget above it, and how
 * well MACs rank the measured latencies.
 */
public record SearchSummary(String id, String dir, String target, String latency, String fitness, double budgetMs,
                            int generations, int candidates, int feasible, Candidate best, List<Candidate> top,
                            MacsProxy macsProxy, Verification verification) {
    /** LightTrack's constraint: MACs ≤ 600M (a 470M backbone budget). */
    public static final long PAPER_MACS = 600_000_000L;

    /**
     * The top candidates reported feasible, measured afresh after the search (no cache): how many are under the
     * budget by their fresh median, and how many are not clearly over it (the fresh interval's low end under it).
     */
    public record Verification(int measured, int medianWithinBudget, int notClearlyOver, List<Double> freshP50Us) {
    }

    /** Over the measured candidates. {@code kendallTau} null with fewer than 2. */
    public record MacsProxy(int measured, long macsLimit, int underMacsOverBudget, int overMacsUnderBudget,
                            Double kendallTau) {
    }

    public static SearchSummary of(String id, String dir, SearchState s, int topN) {
        return of(id, dir, s, topN, null);
    }

    public static SearchSummary of(String id, String dir, SearchState s, int topN, Verification verification) {
        List<Candidate> measured = s.candidates().stream()
                .filter(c -> c.latency() != null && "measured".equals(c.latency().source())).toList();
        double budget = s.settings().budgetUs();
        int underMacsOver = (int) measured.stream()
                .filter(c -> c.macs() <= PAPER_MACS && !c.latency().within(budget)).count();
        int overMacsUnder = (int) measured.stream()
                .filter(c -> c.macs() > PAPER_MACS && c.latency().within(budget)).count();
        Double tau = measured.size() < 2 ? null : RankCorrelation.kendallTau(
                measured.stream().mapToDouble(Candidate::macs).toArray(),
                measured.stream().mapToDouble(c -> c.latency().p50Us()).toArray());
        List<Candidate> top = EvolutionarySearch.top(s.candidates(), topN);
        return new SearchSummary(id, dir, s.target(), s.latency(), s.fitness(), budget / 1000,
                s.completedGenerations(), s.candidates().size(),
                (int) s.candidates().stream().filter(Candidate::feasible).count(), top.isEmpty() ? null : top.get(0),
                top, new MacsProxy(measured.size(), PAPER_MACS, underMacsOver, overMacsUnder, tau), verification);
    }
}
