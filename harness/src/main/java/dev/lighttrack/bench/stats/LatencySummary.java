package dev.lighttrack.bench.stats;

/**
 * Summary of one run's per-inference latencies, computed on the host from the raw samples. Percentiles come
 * from the HdrHistogram (3 significant digits); mean, stdev and MAD come from the exact samples.
 * All times in microseconds.
 */
public record LatencySummary(long samples, double minUs, double p50Us, double p90Us, double p99Us, double maxUs,
                             double meanUs, double stdevUs, double madUs, double cv, double fps) {
}
