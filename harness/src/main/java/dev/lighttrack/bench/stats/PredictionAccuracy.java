package dev.lighttrack.bench.stats;

/**
 * How well predicted latencies match measured ones: RMSE (µs), MAPE, the share within ±5% and ±10% of the
 * measurement, and the rank statistics that matter for a search (Kendall tau, Spearman rho).
 */
public record PredictionAccuracy(int samples, double rmseUs, double mape, double within5pct, double within10pct,
                                 double kendallTau, double spearmanRho) {
    public static PredictionAccuracy of(double[] predictedUs, double[] measuredUs) {
        if (predictedUs.length != measuredUs.length || predictedUs.length < 2) {
            throw new IllegalArgumentException("need at least 2 predicted/measured pairs");
        }
        int n = predictedUs.length;
        double sq = 0;
        double ape = 0;
        int in5 = 0;
        int in10 = 0;
        for (int i = 0; i < n; i++) {
            double err = predictedUs[i] - measuredUs[i];
            sq += err * err;
            double rel = Math.abs(err) / measuredUs[i];
            ape += rel;
            in5 += rel <= 0.05 ? 1 : 0;
            in10 += rel <= 0.10 ? 1 : 0;
        }
        return new PredictionAccuracy(n, Math.sqrt(sq / n), ape / n, (double) in5 / n, (double) in10 / n,
                RankCorrelation.kendallTau(predictedUs, measuredUs), RankCorrelation.spearmanRho(predictedUs, measuredUs));
    }
}
