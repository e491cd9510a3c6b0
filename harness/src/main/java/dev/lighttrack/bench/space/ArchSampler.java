package dev.lighttrack.bench.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Uniform sampling of the space the way LightTrack's supernet toolbox does it: every block choice uniform,
 * tower width uniform, first tower layer from {dsconv3, dsconv5}, later layers from all three, output stage
 * uniform over {1, 2, 3} and block uniform over 0..3.
 */
public final class ArchSampler {
    private final SearchSpace space;

    public ArchSampler(SearchSpace space) {
        this.space = space;
    }

    /** {@code count} distinct subnets, drawn in turn from {@code rng} (duplicates skipped), in drawing order. */
    public List<Architecture> distinct(int count, Random rng) {
        Set<String> seen = new HashSet<>();
        List<Architecture> archs = new ArrayList<>(count);
        while (archs.size() < count) {
            Architecture a = sample(rng);
            if (seen.add(ArchStringCodec.format(a))) {
                archs.add(a);
            }
        }
        return archs;
    }

    public Architecture sample(Random rng) {
        List<List<BlockChoice>> stages = new ArrayList<>();
        for (int depth : space.stageDepths()) {
            List<BlockChoice> blocks = new ArrayList<>();
            for (int b = 0; b < depth; b++) {
                blocks.add(randomBlock(rng));
            }
            stages.add(blocks);
        }
        return new Architecture(space, stages, randomTower(rng), randomTower(rng), randomOutput(rng));
    }

    static BlockChoice randomBlock(Random rng) {
        return BlockChoice.ofDigit(rng.nextInt(BlockChoice.values().length));
    }

    static TowerArch randomTower(Random rng) {
        List<HeadLayerChoice> layers = new ArrayList<>();
        layers.add(HeadLayerChoice.ofDigit(rng.nextInt(2)));
        for (int i = 1; i < TowerArch.DEPTH; i++) {
            layers.add(HeadLayerChoice.ofDigit(rng.nextInt(HeadLayerChoice.values().length)));
        }
        return new TowerArch(rng.nextInt(TowerArch.WIDTHS.length), layers);
    }

    OutputPosition randomOutput(Random rng) {
        int stage = SearchSpace.OUTPUT_STAGES.get(rng.nextInt(SearchSpace.OUTPUT_STAGES.size()));
        return new OutputPosition(stage, rng.nextInt(Math.min(SearchSpace.OUTPUT_BLOCKS, space.depth(stage))));
    }
}
