package dev.lighttrack.bench.search;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;

/**
 * The evolutionary search's shape (LightTrack's defaults: population 48, 24 mutations + 24 crossovers of the top 10,
 * mutation probability 0.1 per gene, 20 generations) and its constraint: a per-frame latency budget in µs.
 * {@code maxTriesFactor}: proposals per needed candidate before a generation gives up and says so (SPOS: 10).
 */
public record SearchSettings(int population, int mutations, int crossovers, int parents, double mutationProb,
                             int generations, long seed, double budgetUs, int maxTriesFactor) {
    public static final int MAX_POPULATION = 10_000;
    public static final int MAX_GENERATIONS = 10_000;

    public SearchSettings {
        new SettingRange(1, MAX_POPULATION).check("population", population);
        new SettingRange(0, MAX_POPULATION).check("mutations", mutations);
        new SettingRange(0, MAX_POPULATION).check("crossovers", crossovers);
        new SettingRange(1, MAX_POPULATION).check("parents", parents);
        new SettingRange(0, 1).check("mutationProb", mutationProb);
        new SettingRange(1, MAX_GENERATIONS).check("generations", generations);
        new SettingRange(1, 1000).check("maxTriesFactor", maxTriesFactor);
        if (mutations + crossovers > population) {
            throw new InvalidSetting("mutations", mutations + " mutations + " + crossovers + " crossovers exceed the "
                    + "population of " + population);
        }
        if (!(budgetUs > 0) || Double.isInfinite(budgetUs)) {
            throw new InvalidSetting("latencyBudget", "must be a positive time, got " + budgetUs + " µs");
        }
    }

    /** LightTrack's search under {@code budgetUs}. */
    public static SearchSettings lighttrack(double budgetUs, long seed) {
        return new SearchSettings(48, 24, 24, 10, 0.1, 20, seed, budgetUs, 10);
    }
}
