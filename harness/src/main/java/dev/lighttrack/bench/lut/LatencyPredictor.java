package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.Subnet;
import java.util.ArrayList;
import java.util.List;

/** Predicted per-frame latency = the sum of the subnet's table entries (p50) + the fitted per-inference overhead. */
public final class LatencyPredictor {
    private final LutTable table;

    public LatencyPredictor(LutTable table) {
        this.table = table;
    }

    /** One predicted term. */
    public record Term(String unit, String signature, double p50Us) {
    }

    /** The prediction with its terms. */
    public record Prediction(double latencyUs, double opSumUs, double overheadUs, List<Term> terms) {
    }

    public Prediction predict(Subnet subnet) {
        List<Term> terms = new ArrayList<>();
        double sum = 0;
        for (LutOp op : ArchDecomposer.decompose(subnet)) {
            LutEntry e = table.entries().get(op.signature().value());
            if (e == null) {
                throw new IllegalArgumentException("lookup table has no entry for " + op.signature()
                        + "; rerun 'bench lut build' to measure the missing entries");
            }
            terms.add(new Term(op.units().get(0).name(), e.signature(), e.p50Us()));
            sum += e.p50Us();
        }
        double overhead = table.overheadUs() == null ? 0 : table.overheadUs();
        return new Prediction(sum + overhead, sum, overhead, terms);
    }
}
