package dev.lighttrack.bench.lut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Where a table's sum of entries misses the whole graph: measured whole-subnet latency regressed (least squares,
 * with an intercept) on the sum of each op kind's entries, over the validated subnets. A kind's factor is how many
 * µs of the whole graph one µs of its entries stands for: 1 when the entry measures what the op costs inside the
 * graph, above 1 when the graph pays more for it (cold caches between ops, layout changes at its edges). Kinds
 * whose sum is the same in every subnet (stem, DS block, predictions) cannot be told from the intercept; they are
 * in it, and the intercept is reported with them. Standard errors say how far the data pins each factor.
 */
public final class OpKindAttribution {
    private OpKindAttribution() {
    }

    /** One kind: its share of the entries' sum (over all subnets), its factor and the factor's standard error. */
    public record Kind(String kind, double shareOfSum, Double factor, Double factorStdError) {
    }

    /** {@code interceptUs}: with the constant kinds in it; null when the regression could not be solved. */
    public record Result(List<Kind> kinds, Double interceptUs, Double interceptStdErrorUs, int subnets,
                         String note) {
    }

    /** The kind an entry's signature belongs to. */
    static String kindOf(String signature) {
        String op = signature.substring(0, signature.indexOf('@'));
        if (op.startsWith("ir_k")) {
            return "ir " + op.substring(3, 5);
        } else if (op.startsWith("dsconv")) {
            return "tower " + op.substring(0, 7);
        } else if (op.startsWith("neck")) {
            return "fusion";
        } else if (op.startsWith("pred")) {
            return "pred";
        }
        return "stem+ds";
    }

    /** {@code terms}: per subnet, its predicted terms; {@code measuredUs}: per subnet, its measured latency. */
    public static Result of(List<List<LatencyPredictor.Term>> terms, double[] measuredUs) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            for (LatencyPredictor.Term t : terms.get(i)) {
                sums.computeIfAbsent(kindOf(t.signature()), k -> new double[terms.size()])[i] += t.us();
            }
        }
        double total = sums.values().stream().flatMapToDouble(java.util.Arrays::stream).sum();
        List<String> varying = new ArrayList<>();
        sums.forEach((kind, x) -> {
            double min = java.util.Arrays.stream(x).min().orElse(0);
            double max = java.util.Arrays.stream(x).max().orElse(0);
            if (max - min > 1e-9 * Math.max(1, max)) {
                varying.add(kind);
            }
        });
        List<Kind> kinds = new ArrayList<>();
        int n = measuredUs.length;
        if (n <= varying.size() + 1) {
            sums.forEach((kind, x) -> kinds.add(new Kind(kind, share(x, total), null, null)));
            return new Result(kinds, null, null, n, "too few subnets (" + n + ") for " + varying.size()
                    + " varying kinds and an intercept");
        }
        double[][] x = new double[n][varying.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < varying.size(); k++) {
                x[i][k] = sums.get(varying.get(k))[i];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(measuredUs, x);
        double[] beta;
        double[] se;
        try {
            beta = ols.estimateRegressionParameters();
            se = ols.estimateRegressionParametersStandardErrors();
        } catch (SingularMatrixException e) {
            sums.forEach((kind, s) -> kinds.add(new Kind(kind, share(s, total), null, null)));
            return new Result(kinds, null, null, n, "the kinds' sums are collinear over these subnets");
        }
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            int k = varying.indexOf(e.getKey());
            kinds.add(new Kind(e.getKey(), share(e.getValue(), total), k < 0 ? null : beta[k + 1],
                    k < 0 ? null : se[k + 1]));
        }
        return new Result(kinds, beta[0], se[0], n, "kinds without a factor are the same in every subnet: they are "
                + "in the intercept");
    }

    private static double share(double[] x, double total) {
        return total > 0 ? java.util.Arrays.stream(x).sum() / total : 0;
    }
}
