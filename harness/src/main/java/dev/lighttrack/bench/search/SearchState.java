package dev.lighttrack.bench.search;

import java.util.List;

/**
 * What a search has done, as saved after every generation ({@code search.json}): its settings and what it
 * searched with, every candidate proposed so far in order, and each finished generation's summary. A resumed
 * search continues after {@code completedGenerations} with the same random stream.
 */
public record SearchState(int formatVersion, SearchSettings settings, String target, String latency, String fitness,
                          int searchSize, int backboneBudget, int completedGenerations, List<Candidate> candidates,
                          List<GenerationSummary> generations) {
    public static final int FORMAT = 1;

    public SearchState {
        candidates = List.copyOf(candidates);
        generations = List.copyOf(generations);
    }

    /** One generation: candidates proposed and feasible, the best and median fitness of its feasible ones. */
    public record GenerationSummary(int generation, int proposed, int feasible, Double bestFitness,
                                    Double medianFitness, double seconds) {
    }

    /** The same search (settings and what it searches with) as {@code other}: what a resume requires. */
    public boolean sameSearchAs(SearchState other) {
        return settings.equals(other.settings) && target.equals(other.target) && latency.equals(other.latency)
                && fitness.equals(other.fitness) && searchSize == other.searchSize
                && backboneBudget == other.backboneBudget;
    }
}
