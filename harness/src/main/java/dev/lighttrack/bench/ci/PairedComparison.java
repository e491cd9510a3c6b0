package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.stats.MedianInterval;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Control and treatment measured interleaved in the same rounds, compared round by round: each round's
 * treatment median over its control median is one paired ratio (drift during the session reaches both halves of
 * a pair alike, so it cancels); the ratio is the median of those, with the order-statistics 95% interval of that
 * median ({@link MedianInterval}) and a two-sided Wilcoxon signed-rank p-value of the log ratios.
 *
 * <p>The decision, for threshold t (5% → 1.05): {@code same} when the whole interval lies within (1/t, t);
 * {@code regression} when the interval lies above 1 (significant) and the ratio itself is at least t (as asv:
 * a factor and significance, both); {@code improvement} likewise below 1 and at most 1/t; otherwise
 * {@code inconclusive} (measure more). A change smaller than the threshold but significant is {@code same}
 * once the interval is inside the band.
 */
public final class PairedComparison {
    public static final String TEST = "paired per-round median ratios: order-statistics 95% interval of their "
            + "median, Wilcoxon signed-rank p";

    private PairedComparison() {
    }

    public static Comparison of(RawRun control, RawRun treatment, double thresholdPct) {
        double[] c = MedianInterval.roundMediansUs(control.rounds());
        double[] t = MedianInterval.roundMediansUs(treatment.rounds());
        if (c.length != t.length) {
            throw new IllegalArgumentException("control has " + c.length + " rounds, treatment " + t.length
                    + ": they were not measured in the same rounds");
        }
        double[] ratios = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            ratios[i] = t[i] / c[i];
        }
        double ratio = StatUtils.percentile(ratios, 50);
        List<Double> ci = MedianInterval.of(ratios).map(x -> List.of(x[0], x[1])).orElse(null);
        double p = wilcoxon(ratios);
        return new Comparison(TEST, c.length, SampleStats.of(control.samplesNs()).p50Us(), interval(c),
                SampleStats.of(treatment.samplesNs()).p50Us(), interval(t), ratio, ci, p, thresholdPct,
                decide(ratio, ci, thresholdPct));
    }

    /** The decision rule above; no interval (too few rounds) is inconclusive. */
    public static Decision decide(double ratio, List<Double> ratioCi, double thresholdPct) {
        if (ratioCi == null) {
            return Decision.INCONCLUSIVE;
        }
        double hi = 1 + thresholdPct / 100;
        double lo = 1 / hi;
        double a = ratioCi.get(0);
        double b = ratioCi.get(1);
        if (a > lo && b < hi) {
            return Decision.SAME;
        }
        if (a > 1 && ratio >= hi) {
            return Decision.REGRESSION;
        }
        if (b < 1 && ratio <= lo) {
            return Decision.IMPROVEMENT;
        }
        return Decision.INCONCLUSIVE;
    }

    static List<Double> interval(double[] roundMedians) {
        return MedianInterval.of(roundMedians).map(x -> List.of(x[0], x[1])).orElse(null);
    }

    private static double wilcoxon(double[] ratios) {
        double[] logs = Arrays.stream(ratios).map(Math::log).toArray();
        if (logs.length < 2 || Arrays.stream(logs).allMatch(x -> x == 0)) {
            return 1;
        }
        double[] zeros = new double[logs.length];
        // exact for few pairs (it enumerates all 2^n sign patterns), the normal approximation above
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(logs, zeros, logs.length <= 16);
    }
}
