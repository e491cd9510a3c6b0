package dev.lighttrack.bench.search;

import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.space.ArchEvolution;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * LightTrack's evolutionary search with the latency budget as its constraint. Generation 0 draws the population
 * at random; every later one makes {@code mutations} mutants and {@code crossovers} children of the top
 * {@code parents} feasible candidates seen so far, refilled at random when mutation or crossover keeps failing.
 * A proposal already seen is skipped; one over the budget is kept in the record as infeasible and proposed again
 * (up to {@code maxTriesFactor} × population proposals per generation, then the shortfall is said). Latency is
 * asked a batch at a time (one measurement plan per batch), fitness only for feasible candidates.
 *
 * <p>Reproducible: generation g draws from a stream seeded by (seed, g) alone, so a search resumed after its last
 * checkpoint makes the same proposals; with the latency cache and the fitness cache it measures and evaluates
 * nothing twice.
 */
public final class EvolutionarySearch {
    private final SearchSpace space;
    private final int searchSize;
    private final SearchSettings settings;
    private final Constraint constraint;
    private final Fitness fitness;
    private final FitnessCache fitnessCache;
    private final PlanProgress progress;
    private final ArchSampler sampler;
    private final ArchEvolution evolution;

    public EvolutionarySearch(SearchSpace space, int searchSize, SearchSettings settings, LatencySource latency,
                              Fitness fitness, java.nio.file.Path fitnessFile, PlanProgress progress) {
        this(space, searchSize, settings, Constraint.latency(latency, settings.budgetUs()), fitness, fitnessFile,
                progress);
    }

    /** With another constraint than the latency budget (the paper's MACs limit). */
    public EvolutionarySearch(SearchSpace space, int searchSize, SearchSettings settings, Constraint constraint,
                              Fitness fitness, java.nio.file.Path fitnessFile, PlanProgress progress) {
        this.space = space;
        this.searchSize = searchSize;
        this.settings = settings;
        this.constraint = constraint;
        this.fitness = fitness;
        this.fitnessCache = new FitnessCache(fitnessFile);
        this.progress = progress;
        this.sampler = new ArchSampler(space);
        this.evolution = new ArchEvolution(space);
    }

    /** Runs from {@code state} (a fresh or resumed one) to the last generation, handing each checkpoint over. */
    public SearchState run(SearchState state, Consumer<SearchState> checkpoint) {
        long start = System.nanoTime();
        int first = state.completedGenerations();
        for (int g = first; g < settings.generations(); g++) {
            long genStart = System.nanoTime();
            List<Candidate> all = new ArrayList<>(state.candidates());
            List<Candidate> made = generation(g, all);
            all.addAll(made);
            List<Double> scores = made.stream().filter(Candidate::feasible).map(Candidate::fitness).sorted().toList();
            List<SearchState.GenerationSummary> gens = new ArrayList<>(state.generations());
            gens.add(new SearchState.GenerationSummary(g, made.size(), scores.size(),
                    scores.isEmpty() ? null : scores.get(scores.size() - 1),
                    scores.isEmpty() ? null : scores.get(scores.size() / 2), (System.nanoTime() - genStart) / 1e9));
            state = new SearchState(state.formatVersion(), state.settings(), state.target(), state.latency(),
                    state.fitness(), state.searchSize(), state.backboneBudget(), g + 1, all, gens);
            checkpoint.accept(state);
            say(g, state, made, start, first);
        }
        return state;
    }

    /** The top {@code parents} feasible candidates of {@code all}, best first (ties by arch string). */
    public static List<Candidate> top(List<Candidate> all, int parents) {
        return all.stream().filter(Candidate::feasible)
                .sorted(Comparator.comparing(Candidate::fitness).reversed().thenComparing(Candidate::arch))
                .limit(parents).toList();
    }

    private List<Candidate> generation(int g, List<Candidate> before) {
        Random rng = new Random(settings.seed() * 1_000_003L + g);
        Set<String> seen = new HashSet<>();
        before.forEach(c -> seen.add(c.arch()));
        List<Architecture> parents = top(before, settings.parents()).stream()
                .map(c -> ArchStringCodec.parse(c.arch())).toList();
        // open slots by origin: generation 0 (or no parent yet) is all random
        int mutations = g == 0 || parents.isEmpty() ? 0 : settings.mutations();
        int crossovers = g == 0 || parents.size() < 2 ? 0 : settings.crossovers();
        int[] open = {mutations, crossovers, settings.population() - mutations - crossovers};
        int[] tries = new int[3];
        int maxTries = settings.maxTriesFactor() * settings.population();
        List<Candidate> made = new ArrayList<>();
        int proposed = 0;
        while (open[0] + open[1] + open[2] > 0 && proposed < maxTries) {
            List<Architecture> batch = new ArrayList<>();
            List<String> origins = new ArrayList<>();
            int[] want = open.clone();
            while (want[0] + want[1] + want[2] > 0 && proposed < maxTries) {
                int kind = want[0] > 0 ? 0 : want[1] > 0 ? 1 : 2;
                // mutation or crossover that keeps failing gives its slot to a random sample ("refilled")
                if (kind < 2 && tries[kind] >= settings.maxTriesFactor() * Math.max(1, kind == 0 ? mutations
                        : crossovers)) {
                    want[kind]--;
                    open[kind]--;
                    want[2]++;
                    open[2]++;
                    continue;
                }
                proposed++;
                tries[kind]++;
                Architecture a = switch (kind) {
                    case 0 -> evolution.mutate(parents.get(rng.nextInt(parents.size())), settings.mutationProb(), rng);
                    case 1 -> evolution.crossover(parents.get(rng.nextInt(parents.size())),
                            parents.get(rng.nextInt(parents.size())), rng);
                    default -> sampler.sample(rng);
                };
                if (seen.add(ArchStringCodec.format(a))) {
                    batch.add(a);
                    origins.add(kind == 0 ? "mutation" : kind == 1 ? "crossover" : "random");
                    want[kind]--;
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<Constraint.Verdict> verdicts = constraint.judge(batch);
            List<Architecture> feasible = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (verdicts.get(i).feasible()) {
                    feasible.add(batch.get(i));
                }
            }
            List<Double> scores = scores(feasible);
            int f = 0;
            for (int i = 0; i < batch.size(); i++) {
                Architecture a = batch.get(i);
                var cost = SubnetBuilder.search(a, searchSize, SubnetBuilder.DEFAULT_TEMPLATE_SIZE).cost();
                boolean ok = verdicts.get(i).feasible();
                made.add(new Candidate(ArchStringCodec.format(a), g, origins.get(i), cost.macs(), cost.params(),
                        verdicts.get(i).latency(), ok, ok ? scores.get(f++) : null));
                if (ok) {
                    int kind = switch (origins.get(i)) {
                        case "mutation" -> 0;
                        case "crossover" -> 1;
                        default -> 2;
                    };
                    open[kind]--;
                }
            }
        }
        int missing = open[0] + open[1] + open[2];
        if (missing > 0) {
            progress.say(String.format(Locale.ROOT, "generation %d: only %d of %d candidates fit the budget after %d "
                    + "proposals; going on with them", g, settings.population() - missing, settings.population(),
                    proposed));
        }
        return made;
    }

    private List<Double> scores(List<Architecture> archs) {
        List<Architecture> unknown = archs.stream()
                .filter(a -> fitnessCache.get(ArchStringCodec.format(a)) == null).toList();
        if (!unknown.isEmpty()) {
            List<Double> fresh = fitness.score(unknown);
            for (int i = 0; i < unknown.size(); i++) {
                fitnessCache.put(ArchStringCodec.format(unknown.get(i)), fresh.get(i));
            }
        }
        return archs.stream().map(a -> fitnessCache.get(ArchStringCodec.format(a))).toList();
    }

    private void say(int g, SearchState state, List<Candidate> made, long start, int first) {
        int done = g + 1 - first;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / done * (settings.generations() - g - 1);
        List<Candidate> best = top(state.candidates(), 1);
        String bestText = best.isEmpty() ? "none feasible yet" : String.format(Locale.ROOT,
                "best fitness %.6g%s (%s)", best.get(0).fitness(), best.get(0).latency() == null ? ""
                        : String.format(Locale.ROOT, " at %.3f ms", best.get(0).latency().p50Us() / 1000),
                best.get(0).arch());
        progress.say(String.format(Locale.ROOT, "generation %d/%d: %d proposed, %d feasible; %s; ETA %.0f s",
                g + 1, settings.generations(), made.size(), made.stream().filter(Candidate::feasible).count(),
                bestText, eta));
    }

    public SearchSpace space() {
        return space;
    }
}
