package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.stats.SampleStats;

/**
 * One measured op: exact latency percentiles and mean in µs from the raw samples, the sample count and the
 * op's MACs.
 */
public record LutEntry(String signature, double p50Us, double p10Us, double p90Us, double meanUs, long samples,
                       long macs) {
    public static LutEntry of(OpSignature signature, long macs, SampleStats stats) {
        return new LutEntry(signature.value(), stats.p50Us(), stats.p10Us(), stats.p90Us(), stats.meanUs(),
                stats.count(), macs);
    }
}
