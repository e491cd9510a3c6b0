package dev.lighttrack.bench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order-statistics interval of the median: its choice of order statistics, and its coverage. */
class MedianIntervalTest {
    @Test
    void picksTheOrderStatisticsTheBinomialAllows() {
        double[] ten = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        // R = 10: P(B <= 1) = 11/1024, so [x(2), x(9)] covers 97.9%; [x(3), x(8)] only 89%
        assertArrayEquals(new double[] {2, 9}, MedianInterval.of(ten).orElseThrow());
        // R = 6: only the extremes reach 95% (96.9%)
        assertArrayEquals(new double[] {1, 6}, MedianInterval.of(new double[] {3, 1, 6, 2, 5, 4}).orElseThrow());
        assertTrue(MedianInterval.of(new double[] {1, 2, 3, 4, 5}).isEmpty(), "5 rounds cannot give a 95% interval");
    }

    @Test
    void coversTheTrueMedianAtLeastNinetyFivePercentOfTheTimeForASkewedDistribution() {
        // log-normal latencies (right-skewed like real ones); true median = exp(mu)
        double mu = Math.log(20_000), sigma = 0.3, trueMedianUs = Math.exp(mu) / 1000;
        Random rng = new Random(12345);
        int trials = 2000, covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] roundMedians = new double[12];
            for (int r = 0; r < roundMedians.length; r++) {
                long[] round = new long[15];
                for (int i = 0; i < round.length; i++) {
                    round[i] = Math.round(Math.exp(mu + sigma * rng.nextGaussian()));
                }
                roundMedians[r] = MedianInterval.roundMediansUs(java.util.List.of(round))[0];
            }
            double[] ci = MedianInterval.of(roundMedians).orElseThrow();
            if (ci[0] <= trueMedianUs && trueMedianUs <= ci[1]) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage >= 0.94 && coverage <= 1.0, "coverage " + coverage);
        // and it is not trivially wide: narrower than the spread of single samples
        assertTrue(coverage < 0.9999, "an interval that always covers says nothing: " + coverage);
    }

    @Test
    void roundMediansAreInMicroseconds() {
        assertArrayEquals(new double[] {2.0, 1.5}, MedianInterval.roundMediansUs(Arrays.asList(
                new long[] {3000, 1000, 2000}, new long[] {1000, 2000})), 1e-12);
    }
}
