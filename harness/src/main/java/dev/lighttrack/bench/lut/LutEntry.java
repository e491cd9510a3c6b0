package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.stats.MedianInterval;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.List;

/**
 * One measured op: exact latency percentiles and mean in µs from the raw samples, the sample count and the
 * op's MACs. {@code p50CiUs}: the median's 95% confidence interval [low, high] from the round medians (null with
 * fewer than 6 rounds, and in tables measured before entries kept it), so the table's own uncertainty is known.
 */
public record LutEntry(String signature, double p50Us, double p10Us, double p90Us, double meanUs, long samples,
                       long macs, List<Double> p50CiUs) {
    public LutEntry {
        p50CiUs = p50CiUs == null ? null : List.copyOf(p50CiUs);
    }

    public LutEntry(String signature, double p50Us, double p10Us, double p90Us, double meanUs, long samples,
                    long macs) {
        this(signature, p50Us, p10Us, p90Us, meanUs, samples, macs, null);
    }

    /** {@code rounds}: the run's samples per round (ns). */
    public static LutEntry of(OpSignature signature, long macs, SampleStats stats, List<long[]> rounds) {
        return new LutEntry(signature.value(), stats.p50Us(), stats.p10Us(), stats.p90Us(), stats.meanUs(),
                stats.count(), macs, medianInterval(rounds));
    }

    /** The median's interval of a run's rounds, or null with too few. */
    static List<Double> medianInterval(List<long[]> rounds) {
        return MedianInterval.of(MedianInterval.roundMediansUs(rounds)).map(ci -> List.of(ci[0], ci[1]))
                .orElse(null);
    }
}
