package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.InvalidSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutation and crossover as in LightTrack's evolutionary search: mutation resamples each gene (every
 * backbone block, each tower width, each tower layer, the output position) with probability p; crossover
 * takes whole backbone stages from either parent, tower items one by one, and the output from either.
 */
public final class ArchEvolution {
    private final ArchSampler sampler;

    public ArchEvolution(SearchSpace space) {
        this.sampler = new ArchSampler(space);
    }

    public Architecture mutate(Architecture parent, double p, Random rng) {
        if (p < 0 || p > 1) {
            throw new InvalidSetting("mutationProbability", "must be in [0, 1], got " + p);
        }
        List<List<BlockChoice>> stages = new ArrayList<>();
        for (List<BlockChoice> stage : parent.stages()) {
            List<BlockChoice> blocks = new ArrayList<>();
            for (BlockChoice c : stage) {
                blocks.add(rng.nextDouble() < p ? ArchSampler.randomBlock(rng) : c);
            }
            stages.add(blocks);
        }
        OutputPosition output = rng.nextDouble() < p ? sampler.randomOutput(rng) : parent.output();
        return new Architecture(parent.space(), stages, mutateTower(parent.cls(), p, rng),
                mutateTower(parent.reg(), p, rng), output);
    }

    private static TowerArch mutateTower(TowerArch t, double p, Random rng) {
        TowerArch fresh = ArchSampler.randomTower(rng);
        int width = rng.nextDouble() < p ? fresh.widthIndex() : t.widthIndex();
        List<HeadLayerChoice> layers = new ArrayList<>();
        for (int i = 0; i < TowerArch.DEPTH; i++) {
            layers.add(rng.nextDouble() < p ? fresh.layers().get(i) : t.layers().get(i));
        }
        return new TowerArch(width, layers);
    }

    public Architecture crossover(Architecture a, Architecture b, Random rng) {
        if (!a.space().equals(b.space())) {
            throw new IllegalArgumentException("cannot cross architectures of different backbone budgets");
        }
        List<List<BlockChoice>> stages = new ArrayList<>();
        for (int s = 0; s < a.stages().size(); s++) {
            stages.add(rng.nextBoolean() ? a.stages().get(s) : b.stages().get(s));
        }
        return new Architecture(a.space(), stages, crossTower(a.cls(), b.cls(), rng), crossTower(a.reg(), b.reg(), rng),
                rng.nextBoolean() ? a.output() : b.output());
    }

    private static TowerArch crossTower(TowerArch a, TowerArch b, Random rng) {
        List<HeadLayerChoice> layers = new ArrayList<>();
        for (int i = 0; i < TowerArch.DEPTH; i++) {
            layers.add(rng.nextBoolean() ? a.layers().get(i) : b.layers().get(i));
        }
        return new TowerArch(rng.nextBoolean() ? a.widthIndex() : b.widthIndex(), layers);
    }
}
