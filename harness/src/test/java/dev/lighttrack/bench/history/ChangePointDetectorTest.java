package dev.lighttrack.bench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointDetectorTest {
    private static final ChangePointDetector OTAVA_LIKE = new ChangePointDetector(3, 0.001, 0);

    /** {@code levels[i]} for {@code lengths[i]} points, each with 1% Gaussian noise. */
    private static double[] series(long seed, double[] levels, int[] lengths) {
        Random rng = new Random(seed);
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        double[] v = new double[n];
        int i = 0;
        for (int s = 0; s < levels.length; s++) {
            for (int k = 0; k < lengths[s]; k++) {
                v[i++] = levels[s] * (1 + 0.01 * rng.nextGaussian());
            }
        }
        return v;
    }

    @Test
    void aFlatSeriesHasNoChange() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(List.of(), OTAVA_LIKE.detect(series(seed, new double[] {100}, new int[] {40})), "seed " + seed);
        }
    }

    @Test
    void oneStepIsFoundWhereItIsWithItsSize() {
        for (long seed = 1; seed <= 20; seed++) {
            List<ChangePointDetector.Change> c = OTAVA_LIKE.detect(series(seed, new double[] {100, 110},
                    new int[] {20, 15}));
            assertEquals(1, c.size(), "seed " + seed + ": " + c);
            assertEquals(20, c.get(0).index());
            assertEquals(0.10, c.get(0).magnitude(), 0.01);
            assertTrue(c.get(0).p() < 1e-6, c.toString());
        }
    }

    @Test
    void twoStepsAreBothFoundInOrder() {
        List<ChangePointDetector.Change> c = OTAVA_LIKE.detect(series(7, new double[] {100, 108, 95},
                new int[] {15, 15, 15}));
        assertEquals(2, c.size(), c.toString());
        assertEquals(15, c.get(0).index());
        assertEquals(30, c.get(1).index());
        assertTrue(c.get(0).magnitude() > 0.06 && c.get(1).magnitude() < -0.1, c.toString());
    }

    @Test
    void aShiftBelowTheMinimumMagnitudeIsNotAChange() {
        double[] v = series(3, new double[] {100, 103}, new int[] {20, 20});
        assertEquals(1, OTAVA_LIKE.detect(v).size());
        assertEquals(List.of(), new ChangePointDetector(3, 0.001, 0.05).detect(v));
    }

    @Test
    void oneOutlierIsNotAStep() {
        double[] v = series(11, new double[] {100}, new int[] {40});
        v[25] = 160;
        assertEquals(List.of(), OTAVA_LIKE.detect(v));
    }
}
