package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.stats.SampleStats;
import java.util.List;

/**
 * A whole subnet measured end to end (per-frame latency, µs): what the correction is fitted to. {@code p10Us} is
 * null in runs saved before tables kept it; such a run is measured again when a table predicts p10.
 * {@code p50CiUs} as in {@link LutEntry}.
 */
public record WholeModelRun(String arch, long macs, double p50Us, Double p10Us, long samples, List<Double> p50CiUs) {
    public WholeModelRun {
        p50CiUs = p50CiUs == null ? null : List.copyOf(p50CiUs);
    }

    public WholeModelRun(String arch, long macs, double p50Us, Double p10Us, long samples) {
        this(arch, macs, p50Us, p10Us, samples, null);
    }

    public static WholeModelRun of(String arch, long macs, SampleStats s, List<long[]> rounds) {
        return new WholeModelRun(arch, macs, s.p50Us(), s.p10Us(), s.count(), LutEntry.medianInterval(rounds));
    }
}
