package dev.lighttrack.bench.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of one run's per-inference latencies, computed on the host from the raw samples. Percentiles come
 * from the HdrHistogram (3 significant digits); mean, stdev and MAD come from the exact samples.
 * All times in microseconds. {@code p50CiUs}: the 95% confidence interval [low, high] of the median
 * ({@link MedianInterval}), null when the run had too few rounds; {@code roundP50Us}: each round's median.
 * Both are null in records written before schema 1.2.
 */
public record LatencySummary(long samples, double minUs, double p50Us, double p90Us, double p99Us, double maxUs,
                             double meanUs, double stdevUs, double madUs, double cv, double fps, List<Double> p50CiUs,
                             List<Double> roundP50Us) {
    /** This summary with the median's interval and the round medians of a run's rounds (ns samples). */
    public LatencySummary withRounds(List<long[]> rounds) {
        double[] medians = MedianInterval.roundMediansUs(rounds);
        List<Double> ci = MedianInterval.of(medians).map(v -> List.of(v[0], v[1])).orElse(null);
        return new LatencySummary(samples, minUs, p50Us, p90Us, p99Us, maxUs, meanUs, stdevUs, madUs, cv, fps, ci,
                Arrays.stream(medians).boxed().toList());
    }
}
