package dev.lighttrack.bench.search;

/**
 * One architecture the search proposed: where it came from ({@code random}, {@code mutation}, {@code crossover}),
 * its costs, its latency, whether it fits the budget, and its fitness (null when it does not fit: never evaluated).
 */
public record Candidate(String arch, int generation, String origin, long macs, long params, LatencyEstimate latency,
                        boolean feasible, Double fitness) {
}
