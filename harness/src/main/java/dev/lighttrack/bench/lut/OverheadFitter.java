package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.ArchPresets;
import java.util.List;

/**
 * Fits {@link LutFit} by ordinary least squares of (measured − Σ entries) on [1, number of ops] over the
 * table's whole-model runs. With fewer than three runs, or when every run has the same number of ops, only
 * the constant is fitted (the mean residual).
 */
public final class OverheadFitter {
    private OverheadFitter() {
    }

    public static LutFit fit(LutTable table) {
        List<WholeModelRun> runs = table.wholeModels();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no whole-model runs to fit the overhead to");
        }
        LatencyPredictor predictor = new LatencyPredictor(table);
        int n = runs.size();
        double[] ops = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            LatencyPredictor.OpSum s = predictor.sum(ArchPresets.resolve(runs.get(i).arch()));
            ops[i] = s.ops();
            residual[i] = runs.get(i).p50Us() - s.sumUs();
        }
        double meanOps = mean(ops);
        double meanRes = mean(residual);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (ops[i] - meanOps) * (ops[i] - meanOps);
            sxy += (ops[i] - meanOps) * (residual[i] - meanRes);
        }
        double slope = n >= 3 && sxx > 0 ? sxy / sxx : 0;
        double intercept = meanRes - slope * meanOps;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double e = residual[i] - (intercept + slope * ops[i]);
            sq += e * e;
        }
        String method = slope != 0
                ? "least squares of (measured p50 - sum of entries) on [1, ops] over " + n + " whole-model runs"
                : "mean of (measured p50 - sum of entries) over " + n + " whole-model runs";
        return new LutFit(method, n, intercept, slope, Math.sqrt(sq / n));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
