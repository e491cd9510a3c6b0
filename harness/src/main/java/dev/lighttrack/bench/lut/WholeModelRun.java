package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.stats.SampleStats;

/** A whole subnet measured end to end (per-frame latency, µs): what the correction is fitted to. */
public record WholeModelRun(String arch, long macs, double p50Us, double p10Us, long samples) {
    public static WholeModelRun of(String arch, long macs, SampleStats s) {
        return new WholeModelRun(arch, macs, s.p50Us(), s.p10Us(), s.count());
    }
}
