package dev.lighttrack.bench.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.run.RawRun;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decision logic on synthetic paired rounds: shifts, drift, outliers, too few rounds. */
class PairedComparisonTest {
    private static final int ROUNDS = 30;
    private static final int PER_ROUND = 10;

    /**
     * Control at 10 ms with 2% noise per sample; treatment {@code factor} times slower; the machine drifts by up to
     * {@code drift} over the session (both alike, as interleaved rounds see it); {@code outlierRound}: one round
     * of the treatment 3x slower (a hiccup), or -1.
     */
    private static RawRun[] pair(double factor, double drift, int outlierRound, long seed) {
        Random rng = new Random(seed);
        long[] c = new long[ROUNDS * PER_ROUND];
        long[] t = new long[ROUNDS * PER_ROUND];
        int[] sizes = new int[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            sizes[r] = PER_ROUND;
            double speed = 1 + drift * r / ROUNDS;
            for (int k = 0; k < PER_ROUND; k++) {
                c[r * PER_ROUND + k] = Math.round(10_000_000 * speed * (1 + 0.02 * rng.nextGaussian()));
                double hiccup = r == outlierRound ? 3 : 1;
                t[r * PER_ROUND + k] = Math.round(10_000_000 * factor * speed * hiccup * (1 + 0.02 * rng.nextGaussian()));
            }
        }
        return new RawRun[] {run(c, sizes), run(t, sizes)};
    }

    private static RawRun run(long[] samples, int[] sizes) {
        return new RawRun(samples, List.of(), "0.1.0", "synthetic", 1, "ab", 1L, 1L, sizes);
    }

    private static Decision decide(double factor, double drift, int outlier, long seed) {
        RawRun[] p = pair(factor, drift, outlier, seed);
        return PairedComparison.of(p[0], p[1], 5).decision();
    }

    @Test
    void aTenPercentSlowdownIsARegressionAndASpeedupAnImprovement() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(Decision.REGRESSION, decide(1.10, 0, -1, seed));
            assertEquals(Decision.IMPROVEMENT, decide(1 / 1.10, 0, -1, seed));
        }
    }

    @Test
    void noChangeIsSameEvenUnderDriftAndAnOutlierRound() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(Decision.SAME, decide(1.0, 0, -1, seed));
            // the machine slows by 30% over the session: a block plan would see it, paired rounds do not
            assertEquals(Decision.SAME, decide(1.0, 0.3, -1, seed));
            // one treatment round 3x slower: the median of ratios does not move
            assertEquals(Decision.SAME, decide(1.0, 0, 7, seed));
        }
    }

    @Test
    void aSmallSignificantChangeInsideTheBandIsSame() {
        RawRun[] p = pair(1.02, 0, -1, 3);
        Comparison c = PairedComparison.of(p[0], p[1], 5);
        assertEquals(Decision.SAME, c.decision());
        assertTrue(c.p() < 0.01, "2% over 30 rounds is significant: p " + c.p());
        assertEquals(1.02, c.ratio(), 0.01);
    }

    @Test
    void anIntervalAcrossTheThresholdIsInconclusive() {
        assertEquals(Decision.INCONCLUSIVE, PairedComparison.decide(1.02, List.of(0.99, 1.06), 5));
        assertEquals(Decision.INCONCLUSIVE, PairedComparison.decide(1.05, List.of(1.00, 1.06), 5)); // not above 1
        assertEquals(Decision.INCONCLUSIVE, PairedComparison.decide(1.0, null, 5));
        assertEquals(Decision.REGRESSION, PairedComparison.decide(1.05, List.of(1.03, 1.07), 5));
        assertEquals(Decision.SAME, PairedComparison.decide(1.0, List.of(0.97, 1.04), 5));
    }

    @Test
    void aSignificantChangeBelowTheThresholdIsNotARegression() {
        // slower for sure, and possibly by 8%, but by 4.96% as measured: measure more, never fail on it
        assertEquals(Decision.INCONCLUSIVE, PairedComparison.decide(1.0496, List.of(1.02, 1.08), 5));
        assertEquals(Decision.INCONCLUSIVE, PairedComparison.decide(1 / 1.0496, List.of(1 / 1.08, 1 / 1.02), 5));
        assertEquals(Decision.IMPROVEMENT, PairedComparison.decide(0.95, List.of(0.93, 0.97), 5));
    }

    @Test
    void roundsMustPair() {
        RawRun[] p = pair(1, 0, -1, 1);
        RawRun fewer = run(new long[] {1, 2}, new int[] {1, 1});
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(p[0], fewer, 5));
    }
}
