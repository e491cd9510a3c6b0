package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.stats.SampleStats;

/**
 * A whole subnet measured end to end (per-frame latency, µs): what the correction is fitted to. {@code p10Us} is
 * null in runs saved before tables kept it; such a run is measured again when a table predicts p10.
 */
public record WholeModelRun(String arch, long macs, double p50Us, Double p10Us, long samples) {
    public static WholeModelRun of(String arch, long macs, SampleStats s) {
        return new WholeModelRun(arch, macs, s.p50Us(), s.p10Us(), s.count());
    }
}
