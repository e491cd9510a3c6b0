package dev.lighttrack.bench.stats;

import java.util.Arrays;

/**
 * Exact statistics of raw samples (ns in, µs out). Lookup-table entries need them: a predicted latency sums
 * dozens of entries, so even the histogram's 0.1% (3 significant digits) would add up.
 */
public record SampleStats(long count, double p10Us, double p50Us, double p90Us, double meanUs, double sumUs) {
    public static SampleStats of(long[] samplesNs) {
        if (samplesNs.length == 0) {
            throw new IllegalArgumentException("no samples to summarise");
        }
        long[] sorted = samplesNs.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new SampleStats(sorted.length, percentile(sorted, 10) / 1000, percentile(sorted, 50) / 1000,
                percentile(sorted, 90) / 1000, sum / sorted.length / 1000, sum / 1000);
    }

    /** Linear interpolation between the closest ranks (the definition numpy and R use by default). */
    static double percentile(long[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
