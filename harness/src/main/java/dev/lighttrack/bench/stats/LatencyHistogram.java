package dev.lighttrack.bench.stats;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Collects raw per-inference samples into an HdrHistogram in nanoseconds with 3 significant digits (so a
 * sub-microsecond op keeps its percentiles), and keeps the raw samples for exact mean, standard deviation and
 * median absolute deviation.
 */
public final class LatencyHistogram {
    /** One hour in nanoseconds: longer inferences are a broken run, not a measurement. */
    static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private long[] samplesNs = new long[1024];
    private int count;

    public LatencyHistogram() {
        histogram.setStartTimeStamp(System.currentTimeMillis());
    }

    public void record(long ns) {
        if (ns <= 0) {
            throw new IllegalArgumentException("a latency sample must be positive, got " + ns + " ns");
        }
        if (ns > HIGHEST_TRACKABLE_NS) {
            throw new IllegalArgumentException("latency sample " + ns + " ns is longer than an hour");
        }
        histogram.recordValue(ns);
        if (count == samplesNs.length) {
            samplesNs = Arrays.copyOf(samplesNs, count * 2);
        }
        samplesNs[count++] = ns;
    }

    public void recordAll(long[] ns) {
        for (long v : ns) {
            record(v);
        }
    }

    public int count() {
        return count;
    }

    public long[] samplesNs() {
        return Arrays.copyOf(samplesNs, count);
    }

    /** The histogram itself (ns); stamped with its end time when summarised. */
    public Histogram histogram() {
        return histogram;
    }

    public LatencySummary summary() {
        if (count == 0) {
            throw new IllegalStateException("no samples recorded");
        }
        histogram.setEndTimeStamp(System.currentTimeMillis());
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += samplesNs[i];
        }
        mean /= count;
        double sq = 0;
        for (int i = 0; i < count; i++) {
            double d = samplesNs[i] - mean;
            sq += d * d;
        }
        double stdev = count > 1 ? Math.sqrt(sq / (count - 1)) : 0;
        long[] sorted = samplesNs();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] dev = new double[count];
        for (int i = 0; i < count; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(dev);
        double mad = count % 2 == 1 ? dev[count / 2] : (dev[count / 2 - 1] + dev[count / 2]) / 2;
        double meanUs = mean / 1000;
        double minUs = sorted[0] / 1000.0;
        double maxUs = sorted[count - 1] / 1000.0;
        return new LatencySummary(count, minUs, percentile(50, minUs, maxUs),
                percentile(90, minUs, maxUs), percentile(99, minUs, maxUs), maxUs,
                meanUs, stdev / 1000, mad / 1000, mean > 0 ? stdev / mean : 0, 1e6 / meanUs, null, null);
    }

    /** HdrHistogram answers a bucket's highest equivalent value, which can pass the exact max (or sit under min). */
    private double percentile(double p, double minUs, double maxUs) {
        return Math.max(minUs, Math.min(maxUs, histogram.getValueAtPercentile(p) / 1000.0));
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
