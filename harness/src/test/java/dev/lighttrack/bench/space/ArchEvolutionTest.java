package dev.lighttrack.bench.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchEvolutionTest {
    private final ArchEvolution evolution = new ArchEvolution(SearchSpace.MOBILE);
    private final ArchSampler sampler = new ArchSampler(SearchSpace.MOBILE);

    @Test
    void mutationWithZeroProbabilityKeepsTheParentAndWithOneChangesIt() {
        Random rng = new Random(1);
        Architecture parent = ArchPresets.resolve("lighttrack-mobile");
        assertEquals(parent, evolution.mutate(parent, 0.0, rng));
        int changed = 0;
        for (int i = 0; i < 50; i++) {
            if (!evolution.mutate(parent, 1.0, rng).equals(parent)) {
                changed++;
            }
        }
        assertEquals(50, changed);
    }

    @Test
    void mutationRateMatchesPerGeneProbability() {
        Random rng = new Random(2);
        Architecture parent = ArchPresets.resolve("lighttrack-mobile");
        int genes = 0;
        int diffs = 0;
        for (int i = 0; i < 2000; i++) {
            Architecture child = evolution.mutate(parent, 0.1, rng);
            for (int s = 0; s < parent.stages().size(); s++) {
                for (int b = 0; b < parent.stages().get(s).size(); b++) {
                    genes++;
                    diffs += parent.stages().get(s).get(b) == child.stages().get(s).get(b) ? 0 : 1;
                }
            }
        }
        // resampling picks the same value 1 time in 6, so the observed change rate is 0.1 * 5/6
        assertEquals(0.1 * 5 / 6, (double) diffs / genes, 0.01);
    }

    @Test
    void crossoverTakesWholeStagesFromEitherParent() {
        Random rng = new Random(3);
        for (int i = 0; i < 500; i++) {
            Architecture a = sampler.sample(rng);
            Architecture b = sampler.sample(rng);
            Architecture c = evolution.crossover(a, b, rng);
            for (int s = 0; s < c.stages().size(); s++) {
                assertTrue(c.stages().get(s).equals(a.stages().get(s)) || c.stages().get(s).equals(b.stages().get(s)));
            }
            assertTrue(c.output().equals(a.output()) || c.output().equals(b.output()));
            for (int l = 0; l < TowerArch.DEPTH; l++) {
                HeadLayerChoice x = c.cls().layers().get(l);
                assertTrue(x == a.cls().layers().get(l) || x == b.cls().layers().get(l));
            }
        }
    }

    @Test
    void samplingIsSeededAndCoversAllOutputStages() {
        assertEquals(sampler.sample(new Random(9)), sampler.sample(new Random(9)));
        assertNotEquals(sampler.sample(new Random(9)), sampler.sample(new Random(10)));
        Random rng = new Random(4);
        boolean[] seen = new boolean[4];
        for (int i = 0; i < 300; i++) {
            seen[sampler.sample(rng).output().stage()] = true;
        }
        assertTrue(seen[1] && seen[2] && seen[3] && !seen[0]);
    }

    @Test
    void spaceSizeMatchesTheReferenceCounts() {
        SpaceSize size = SpaceSize.of(SearchSpace.MOBILE);
        assertEquals(13122, size.towerPaths().longValue());
        // 6^14 blocks up to c96 = 7.8e10 backbone paths of the tracking network (reference section 1.4)
        assertEquals(BigInteger.valueOf(6).pow(18), size.backbonePaths());
        assertEquals(BigInteger.valueOf(6).pow(18).multiply(BigInteger.valueOf(12)).multiply(BigInteger.valueOf(13122L * 13122)),
                size.encoded());
    }
}
