package dev.lighttrack.bench.space;

import java.math.BigInteger;

/**
 * Size of the space, counted two ways: encoded strings (every digit free, as the supernet samples them) and
 * distinct networks (blocks after the output position do not run, so their digits are don't-cares).
 */
public record SpaceSize(BigInteger encoded, BigInteger distinctNetworks, BigInteger backbonePaths,
                        BigInteger towerPaths) {
    public static SpaceSize of(SearchSpace space) {
        BigInteger six = BigInteger.valueOf(BlockChoice.values().length);
        BigInteger tower = BigInteger.valueOf((long) TowerArch.WIDTHS.length * 2 * pow(3, TowerArch.DEPTH - 1));
        BigInteger heads = tower.multiply(tower);
        BigInteger outputs = BigInteger.ZERO;
        BigInteger distinct = BigInteger.ZERO;
        for (int stage : SearchSpace.OUTPUT_STAGES) {
            int before = 0;
            for (int s = 0; s < stage; s++) {
                before += space.depth(s);
            }
            int blocks = Math.min(SearchSpace.OUTPUT_BLOCKS, space.depth(stage));
            outputs = outputs.add(BigInteger.valueOf(blocks));
            for (int b = 0; b < blocks; b++) {
                distinct = distinct.add(six.pow(before + b + 1));
            }
        }
        BigInteger backbone = six.pow(space.searchableBlocks());
        return new SpaceSize(backbone.multiply(outputs).multiply(heads), distinct.multiply(heads), backbone, tower);
    }

    private static long pow(int base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) {
            r *= base;
        }
        return r;
    }
}
