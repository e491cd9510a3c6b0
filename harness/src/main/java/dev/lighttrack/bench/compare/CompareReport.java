package dev.lighttrack.bench.compare;

import java.util.List;

/**
 * {@code bench compare --json}: per device, each model's median with its interval, fps, MACs, params, its
 * latency over the first model's (paired by round, with its interval), the run record it was kept as, and the
 * paper's figures for it where the paper has them (for {@link PaperFigures#DEVICE}, not for this device).
 */
public record CompareReport(String test, String paperDevice, List<DeviceResult> devices) {
    public record DeviceResult(String device, String profile, String soc, boolean virtual, String backend,
                               String precision, int rounds, List<Row> models) {
    }

    public record Row(String model, String file, Long macs, Long params, double p50Us, List<Double> p50CiUs,
                      double fps, Double latencyRatio, List<Double> latencyRatioCi, String runId,
                      PaperFigures.Figure paper) {
    }
}
