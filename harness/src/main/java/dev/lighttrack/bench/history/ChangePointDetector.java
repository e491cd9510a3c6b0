package dev.lighttrack.bench.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Change points in one series, E-Divisive-style as Apache Otava (Hunter) does it: the split that maximises the
 * energy statistic of the two sides (Matteson &amp; James' E-Divisive with α = 1, on the values' logs so that a
 * shift is relative), accepted when a Welch t-test of the two sides gives p ≤ {@code maxP} and the shift is at
 * least {@code minMagnitude}; then each side is searched again. Bisection finds the largest shifts first, so
 * several changes in one series are found one by one.
 *
 * <p>The split tested is the best of many, so its plain t-test p is too small (a flat series of 40 showed
 * "changes" at p 1e-4): p is Bonferroni-corrected for the splits tried (times their number, at most 1).
 */
public final class ChangePointDetector {
    private final int minSegment;
    private final double maxP;
    private final double minMagnitude;

    /**
     * @param minSegment   the fewest points on either side of a change (at least 2: the t-test needs them)
     * @param maxP         the largest p-value of a change
     * @param minMagnitude the smallest relative shift of the mean of a change (0.05: 5%)
     */
    public ChangePointDetector(int minSegment, double maxP, double minMagnitude) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2");
        }
        this.minSegment = minSegment;
        this.maxP = maxP;
        this.minMagnitude = minMagnitude;
    }

    /** A change before point {@code index}: the means of the segments either side, the shift and its p. */
    public record Change(int index, double meanBefore, double meanAfter, double magnitude, double p) {
    }

    /** The changes of {@code values} (in order), by index. */
    public List<Change> detect(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        List<Integer> cuts = new ArrayList<>();
        split(logs, 0, logs.length, cuts);
        cuts.sort(Comparator.naturalOrder());
        // report each change against its neighbouring segments (not the whole halves it was found in)
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            int from = i == 0 ? 0 : cuts.get(i - 1);
            int to = i == cuts.size() - 1 ? values.length : cuts.get(i + 1);
            int k = cuts.get(i);
            double[] before = Arrays.copyOfRange(values, from, k);
            double[] after = Arrays.copyOfRange(values, k, to);
            double mb = StatUtils.mean(before);
            double ma = StatUtils.mean(after);
            int tried = Math.max(1, to - from - 2 * minSegment + 1);
            out.add(new Change(k, mb, ma, ma / mb - 1, corrected(welchP(before, after), tried)));
        }
        return out;
    }

    private void split(double[] x, int lo, int hi, List<Integer> cuts) {
        if (hi - lo < 2 * minSegment) {
            return;
        }
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int k = lo + minSegment; k <= hi - minSegment; k++) {
            double q = energy(x, lo, k, hi);
            if (q > bestQ) {
                bestQ = q;
                best = k;
            }
        }
        double[] left = Arrays.copyOfRange(x, lo, best);
        double[] right = Arrays.copyOfRange(x, best, hi);
        double magnitude = Math.exp(StatUtils.mean(right) - StatUtils.mean(left)) - 1;
        int tried = hi - lo - 2 * minSegment + 1;
        if (corrected(welchP(left, right), tried) <= maxP && Math.abs(magnitude) >= minMagnitude) {
            cuts.add(best);
            split(x, lo, best, cuts);
            split(x, best, hi, cuts);
        }
    }

    /** The E-Divisive statistic of splitting [lo, hi) at k: scaled energy distance between the two sides. */
    static double energy(double[] x, int lo, int k, int hi) {
        int n = k - lo;
        int m = hi - k;
        double between = 0;
        for (int i = lo; i < k; i++) {
            for (int j = k; j < hi; j++) {
                between += Math.abs(x[i] - x[j]);
            }
        }
        double within1 = 0;
        for (int i = lo; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                within1 += Math.abs(x[i] - x[j]);
            }
        }
        double within2 = 0;
        for (int i = k; i < hi; i++) {
            for (int j = i + 1; j < hi; j++) {
                within2 += Math.abs(x[i] - x[j]);
            }
        }
        double e = 2 * between / (n * (double) m) - (n > 1 ? 2 * within1 / (n * (n - 1.0)) : 0)
                - (m > 1 ? 2 * within2 / (m * (m - 1.0)) : 0);
        return n * (double) m / (n + m) * e;
    }

    private static double corrected(double p, int tests) {
        return Math.min(1, p * tests);
    }

    private static double welchP(double[] a, double[] b) {
        if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) {
            return StatUtils.mean(a) == StatUtils.mean(b) ? 1 : 0;
        }
        return new TTest().tTest(a, b);
    }
}
