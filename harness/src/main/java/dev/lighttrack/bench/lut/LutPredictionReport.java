package dev.lighttrack.bench.lut;

import java.util.List;

/**
 * {@code bench lut predict}: an arch's predicted latency from a table, with every term (milliseconds).
 * {@code measurementCiMs}: the prediction from the entries' interval ends (see {@link LatencyPredictor.Prediction}).
 */
public record LutPredictionReport(String arch, String lut, LutKey key, String statistic, double predictedMs,
                                  List<Double> measurementCiMs, double opSumMs, double correctionMs, double scale, double overheadMs,
                                  double perOpMs, int ops, List<TermMs> terms) {
    public record TermMs(String unit, String signature, double latencyMs) {
    }

    public static LutPredictionReport of(String arch, String lut, LutTable table, LatencyPredictor.Prediction p) {
        LutFit fit = table.fit();
        List<Double> ci = p.measurementCiUs() == null ? null
                : List.of(p.measurementCiUs()[0] / 1000, p.measurementCiUs()[1] / 1000);
        return new LutPredictionReport(arch, lut, table.key(), table.statistic().label(), p.latencyUs() / 1000, ci,
                p.opSumUs() / 1000, p.correctionUs() / 1000, fit.scale(), fit.overheadUs() / 1000,
                fit.perOpUs() / 1000, p.ops(),
                p.terms().stream().map(t -> new TermMs(t.unit(), t.signature(), t.us() / 1000)).toList());
    }
}
