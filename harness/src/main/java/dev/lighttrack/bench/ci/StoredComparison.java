package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.stats.MedianInterval;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The treatment measured now against a stored baseline run (its round medians and p50 interval). There is no
 * control in this session, so whatever changed on the device since the baseline was stored (temperature, a
 * governor, another build of the OS) is not cancelled: the ratio's interval combines both runs' intervals (treatment
 * low over baseline high, treatment high over baseline low), and the threshold is widened to at least the sum of
 * their half-widths, since a difference smaller than that cannot be told from the two runs' own spread. The decision
 * rule is then {@link PairedComparison#decide}'s; p is a two-sided Mann-Whitney U test of the two runs' round
 * medians.
 */
public final class StoredComparison {
    public static final String TEST = "stored baseline, no control in the session (drift not cancelled): ratio of "
            + "medians with both runs' 95% intervals combined, threshold widened to their half-widths, Mann-Whitney "
            + "U p of the round medians";

    private StoredComparison() {
    }

    public static Comparison of(RunRecord baseline, RawRun treatment, double thresholdPct) {
        List<Double> baseRounds = baseline.summary().roundP50Us();
        List<Double> baseCi = baseline.summary().p50CiUs();
        if (baseRounds == null || baseCi == null) {
            throw new IllegalArgumentException("the baseline run " + baseline.id() + " has no round medians or p50 "
                    + "interval (fewer than 6 rounds, or a record before schema 1.2)");
        }
        double[] b = baseRounds.stream().mapToDouble(Double::doubleValue).toArray();
        double[] t = MedianInterval.roundMediansUs(treatment.rounds());
        double baseP50 = baseline.summary().p50Us();
        double treatP50 = SampleStats.of(treatment.samplesNs()).p50Us();
        List<Double> treatCi = PairedComparison.interval(t);
        List<Double> ratioCi = treatCi == null ? null : List.of(treatCi.get(0) / baseCi.get(1),
                treatCi.get(1) / baseCi.get(0));
        double widened = thresholdPct;
        if (treatCi != null) {
            widened = Math.max(thresholdPct, halfWidthPct(baseCi, baseP50) + halfWidthPct(treatCi, treatP50));
        }
        double ratio = treatP50 / baseP50;
        double p = t.length < 2 ? 1 : new MannWhitneyUTest().mannWhitneyUTest(b, t);
        return new Comparison(TEST, t.length, baseP50, baseCi, treatP50, treatCi, ratio, ratioCi, p, widened,
                PairedComparison.decide(ratio, ratioCi, widened));
    }

    private static double halfWidthPct(List<Double> ci, double median) {
        return 100 * (ci.get(1) - ci.get(0)) / 2 / median;
    }
}
