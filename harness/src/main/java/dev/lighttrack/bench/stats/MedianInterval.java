package dev.lighttrack.bench.stats;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A distribution-free 95% confidence interval of the median latency, from the medians of a run's rounds: with
 * the R round medians sorted, [m(k), m(R+1-k)] covers the population median with probability
 * 1 - 2 P(B &lt; k), B ~ Binomial(R, 1/2), for the largest k that keeps that at least 95%.
 *
 * <p>Why order statistics of round medians and not a bootstrap: rounds, not single samples, are the
 * independent units (samples within a round share its moment of drift), the interval is exact for any
 * distribution, and it is deterministic (no resampling seed). It needs at least 6 rounds; fewer give none.
 */
public final class MedianInterval {
    public static final double CONFIDENCE = 0.95;
    public static final int MIN_ROUNDS = 6;

    private MedianInterval() {
    }

    /** [low, high] in the unit of {@code roundMedians}, or empty with fewer than {@value #MIN_ROUNDS} rounds. */
    public static Optional<double[]> of(double[] roundMedians) {
        int r = roundMedians.length;
        if (r < MIN_ROUNDS) {
            return Optional.empty();
        }
        double[] sorted = roundMedians.clone();
        Arrays.sort(sorted);
        BinomialDistribution b = new BinomialDistribution(null, r, 0.5);
        int k = 1;
        // P(B <= k-1) is P(B < k): the chance that the interval's low end lies above the median
        while (k + 1 <= (r + 1) / 2 && 1 - 2 * b.cumulativeProbability(k) >= CONFIDENCE) {
            k++;
        }
        return Optional.of(new double[] {sorted[k - 1], sorted[r - k]});
    }

    /** The median of each round's samples (ns), in µs. */
    public static double[] roundMediansUs(java.util.List<long[]> rounds) {
        return rounds.stream().filter(x -> x.length > 0).mapToDouble(x -> SampleStats.of(x).p50Us()).toArray();
    }

    /** Half the interval's width in percent of the median of {@code roundMedians}; empty with too few rounds. */
    public static Optional<Double> halfWidthPct(double[] roundMedians) {
        return of(roundMedians).map(ci -> {
            double[] sorted = roundMedians.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return (ci[1] - ci[0]) / 2 / median * 100;
        });
    }
}
