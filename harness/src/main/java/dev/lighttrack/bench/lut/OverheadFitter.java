package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.space.ArchPresets;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link LutFit} to the table's whole-model runs. Three candidate models of the residual
 * r = measured − Σ entries, each by ordinary least squares:
 * <ul>
 *   <li>{@code overhead}: r = b (the mean residual);</li>
 *   <li>{@code overhead+per-op}: r = b + c × ops;</li>
 *   <li>{@code overhead+scale}: measured = s × Σ + b.</li>
 * </ul>
 * The one with the lowest leave-one-out RMS error wins, so a term is only used when it predicts subnets it was
 * not fitted to better; on noisy measurements the constant usually wins, which is what should happen.
 */
public final class OverheadFitter {
    /** Below this many runs a one-regressor model cannot be checked by leave-one-out: only the constant. */
    static final int MIN_RUNS_FOR_TERMS = 4;

    private OverheadFitter() {
    }

    public static LutFit fit(LutTable table) {
        List<WholeModelRun> runs = table.wholeModels().stream().filter(r -> table.statistic().of(r) != null).toList();
        if (runs.isEmpty()) {
            throw BenchException.badInput("no whole-model runs with the table's statistic ("
                    + table.statistic().label() + ") to fit the overhead to");
        }
        LatencyPredictor predictor = new LatencyPredictor(table);
        int n = runs.size();
        double[] ops = new double[n];
        double[] sum = new double[n];
        double[] measured = new double[n];
        for (int i = 0; i < n; i++) {
            LatencyPredictor.OpSum s = predictor.sum(ArchPresets.resolve(runs.get(i).arch()));
            ops[i] = s.ops();
            sum[i] = s.sumUs();
            measured[i] = table.statistic().of(runs.get(i));
        }
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = measured[i] - sum[i];
        }
        Candidate constant = new Candidate("overhead", null, residual, 0);
        Candidate best = constant;
        String tried = "";
        if (n >= MIN_RUNS_FOR_TERMS) {
            Candidate perOpTerm = new Candidate("overhead+per-op", ops, residual, 1);
            Candidate scaled = new Candidate("overhead+scale", sum, measured, 2);
            for (Candidate c : List.of(perOpTerm, scaled)) {
                // a scale at or below zero says the runs are broken, not that whole models cost nothing
                boolean plausible = c.kind != 2 || c.slope > 0;
                if (plausible && c.loo < best.loo) {
                    best = c;
                }
            }
            tried = String.format(Locale.ROOT, ", overhead+per-op %.1f us, overhead+scale %.1f us", perOpTerm.loo,
                    scaled.loo);
        }
        double scale = best.kind == 2 ? best.slope : 1;
        double perOp = best.kind == 1 ? best.slope : 0;
        String method = String.format(Locale.ROOT, "%s: least squares over %d whole-model runs, chosen by "
                + "leave-one-out RMS error (overhead %.1f us%s)", best.name, n, constant.loo, tried);
        return new LutFit(method, n, scale, best.intercept, perOp, best.rms, best.loo);
    }

    /** y = intercept + slope × x (slope 0 without x), its in-sample and leave-one-out RMS error. */
    private static final class Candidate {
        final String name;
        final int kind;
        final double intercept;
        final double slope;
        final double rms;
        final double loo;

        Candidate(String name, double[] x, double[] y, int kind) {
            this.name = name;
            this.kind = kind;
            double[] all = line(x, y, -1);
            this.intercept = all[0];
            this.slope = all[1];
            double sq = 0;
            double looSq = 0;
            for (int i = 0; i < y.length; i++) {
                double xi = x == null ? 0 : x[i];
                double e = y[i] - (intercept + slope * xi);
                sq += e * e;
                if (y.length > 1) {
                    double[] without = line(x, y, i);
                    double le = y[i] - (without[0] + without[1] * xi);
                    looSq += le * le;
                }
            }
            this.rms = Math.sqrt(sq / y.length);
            this.loo = y.length > 1 ? Math.sqrt(looSq / y.length) : Double.POSITIVE_INFINITY;
        }

        /** Least squares over all points but {@code skip}; a constant when x is null or does not vary. */
        static double[] line(double[] x, double[] y, int skip) {
            double mx = 0;
            double my = 0;
            int m = 0;
            for (int i = 0; i < y.length; i++) {
                if (i != skip) {
                    mx += x == null ? 0 : x[i];
                    my += y[i];
                    m++;
                }
            }
            mx /= m;
            my /= m;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < y.length; i++) {
                if (i != skip && x != null) {
                    sxx += (x[i] - mx) * (x[i] - mx);
                    sxy += (x[i] - mx) * (y[i] - my);
                }
            }
            double slope = sxx > 0 ? sxy / sxx : 0;
            return new double[] {my - slope * mx, slope};
        }
    }
}
