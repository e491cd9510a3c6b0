package dev.lighttrack.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search on fakes (not measurements): latency is a fixed law of MACs, fitness the MACs proxy. Reproducible on
 * a seed, only feasible candidates are scored, nothing is asked twice, and a search killed in a generation and
 * resumed from its checkpoint ends as the uninterrupted one did without asking anything again.
 */
class EvolutionarySearchTest {
    private static final int SIZE = 256;
    /** µs per MAC of the fake device: LightTrack-Mobile's ~530M MACs take ~26.5 ms. */
    private static final double US_PER_MAC = 5e-5;

    @TempDir
    Path dir;

    /** A latency law of MACs; counts every arch it is asked about. */
    static final class LawLatency implements LatencySource {
        final Map<String, Integer> asked = new HashMap<>();

        @Override
        public List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs) {
            return archs.stream().map(a -> {
                asked.merge(ArchStringCodec.format(a), 1, Integer::sum);
                double us = SubnetBuilder.search(a, SIZE, SubnetBuilder.DEFAULT_TEMPLATE_SIZE).cost().macs() * US_PER_MAC;
                return new LatencyEstimate("measured", us, List.of(us * 0.99, us * 1.01), 100, false);
            }).toList();
        }

        @Override
        public String describe() {
            return "law";
        }
    }

    /** The MACs proxy that counts its calls and can fail after a number of scores (a crash mid-generation). */
    static final class CountingFitness implements Fitness {
        final ProxyFitness macs = new ProxyFitness(ProxyFitness.Kind.MACS, SIZE, SubnetBuilder.DEFAULT_TEMPLATE_SIZE);
        final List<String> scored = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public List<Double> score(List<Architecture> archs) {
            if (scored.size() + archs.size() > failAfter) {
                throw new IllegalStateException("killed");
            }
            archs.forEach(a -> scored.add(ArchStringCodec.format(a)));
            return macs.score(archs);
        }

        @Override
        public String describe() {
            return "macs";
        }
    }

    private static SearchSettings small(long seed) {
        return new SearchSettings(12, 6, 6, 4, 0.1, 5, seed, 25_000, 10);
    }

    private SearchState fresh(SearchSettings s) {
        return new SearchState(SearchState.FORMAT, s, "fake", "law", "macs", SIZE, 470, 0, List.of(), List.of());
    }

    private SearchState search(Path folder, SearchSettings s, LawLatency latency, CountingFitness fitness,
                               SearchState from) {
        SearchStore store = new SearchStore(folder);
        return new EvolutionarySearch(SearchSpace.MOBILE, SIZE, s, latency, fitness, store.fitnessFile(),
                PlanProgress.SILENT).run(from, store::save);
    }

    @Test
    void feasibleCandidatesOnlyAreScoredAndTheBestFitsTheBudget() {
        LawLatency latency = new LawLatency();
        CountingFitness fitness = new CountingFitness();
        SearchState s = search(dir.resolve("a"), small(1), latency, fitness, fresh(small(1)));
        assertEquals(5, s.completedGenerations());
        assertEquals(5, s.generations().size());
        List<Candidate> feasible = s.candidates().stream().filter(Candidate::feasible).toList();
        assertEquals(fitness.scored.size(), feasible.size());
        feasible.forEach(c -> assertTrue(c.latency().ciUs().get(1) <= 25_000, c.toString()));
        s.candidates().stream().filter(c -> !c.feasible()).forEach(c -> assertEquals(null, c.fitness()));
        latency.asked.forEach((arch, n) -> assertEquals(1, n, arch + " asked twice"));
        Candidate best = EvolutionarySearch.top(s.candidates(), 1).get(0);
        // the MACs proxy drives the search towards the budget: the best uses most of it
        assertTrue(best.latency().p50Us() > 20_000, best.toString());
        assertTrue(s.candidates().stream().anyMatch(c -> c.origin().equals("mutation"))
                && s.candidates().stream().anyMatch(c -> c.origin().equals("crossover")));
        // generation sizes: every generation found its 12 within the budget here
        s.generations().forEach(g -> assertEquals(12, g.feasible(), g.toString()));
    }

    @Test
    void theSameSeedGivesTheSameSearchAndAnotherSeedAnother() {
        SearchState a = search(dir.resolve("a"), small(7), new LawLatency(), new CountingFitness(), fresh(small(7)));
        SearchState b = search(dir.resolve("b"), small(7), new LawLatency(), new CountingFitness(), fresh(small(7)));
        SearchState c = search(dir.resolve("c"), small(8), new LawLatency(), new CountingFitness(), fresh(small(8)));
        assertEquals(a.candidates(), b.candidates());
        assertTrue(!a.candidates().equals(c.candidates()));
    }

    @Test
    void aSearchKilledMidGenerationResumesWithoutRepeatingAnything() {
        SearchSettings s = small(3);
        SearchState whole = search(dir.resolve("whole"), s, new LawLatency(), new CountingFitness(), fresh(s));

        Path folder = dir.resolve("killed");
        CountingFitness dying = new CountingFitness();
        dying.failAfter = 12 * 2 + 5; // two generations and part of the third
        LawLatency latency = new LawLatency();
        assertThrows(IllegalStateException.class, () -> search(folder, s, latency, dying, fresh(s)));
        SearchState checkpoint = new SearchStore(folder).load();
        assertEquals(2, checkpoint.completedGenerations());

        CountingFitness after = new CountingFitness();
        SearchState resumed = search(folder, s, latency, after, checkpoint);
        assertEquals(whole.candidates(), resumed.candidates());
        List<String> both = new ArrayList<>(dying.scored);
        both.addAll(after.scored);
        assertEquals(both.size(), both.stream().distinct().count(), "a candidate was evaluated twice");
        assertEquals(whole.candidates().stream().filter(Candidate::feasible).count(), both.size());
    }

    @Test
    void anImpossibleBudgetSaysSoInsteadOfLoopingForever() {
        SearchSettings s = new SearchSettings(4, 2, 2, 2, 0.1, 2, 1, 1, 3);
        List<String> said = new ArrayList<>();
        PlanProgress progress = new PlanProgress() {
            @Override
            public void planned(String phase, int total, int done) {
            }

            @Override
            public void measured(String name, int done, int total) {
            }

            @Override
            public void say(String message) {
                said.add(message);
            }
        };
        SearchStore store = new SearchStore(dir.resolve("tight"));
        SearchState out = new EvolutionarySearch(SearchSpace.MOBILE, SIZE, s, new LawLatency(), new CountingFitness(),
                store.fitnessFile(), progress).run(fresh(s), store::save);
        assertEquals(0, out.candidates().stream().filter(Candidate::feasible).count());
        assertTrue(said.stream().anyMatch(m -> m.contains("only 0 of 4 candidates fit the budget after 12 proposals")),
                said::toString);
    }
}
