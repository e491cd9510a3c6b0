package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicted per-frame latency = the sum of the subnet's table entries (in the table's statistic, the median
 * unless chosen otherwise) with the table's fitted correction
 * ({@link LutFit}: per-inference overhead, and a per-op term or a scale where they predict better).
 */
public final class LatencyPredictor {
    private final LutTable table;

    public LatencyPredictor(LutTable table) {
        this.table = table;
    }

    /** One predicted term: the unit it starts at, the entry's signature and its latency. */
    public record Term(String unit, String signature, double us) {
    }

    /** The sum of a subnet's entries; {@code ciUs}: the sums of their intervals' ends, or null. */
    public record OpSum(double sumUs, List<Term> terms, double[] ciUs) {
        public int ops() {
            return terms.size();
        }
    }

    /**
     * The prediction with its parts. {@code measurementCiUs}: the prediction made from every entry's interval
     * low ends and high ends [low, high] (the entries' own measurement uncertainty, taken as fully correlated,
     * so a bound rather than an estimate); null unless the table predicts the median and every entry has one.
     */
    public record Prediction(double latencyUs, double opSumUs, double correctionUs, int ops, List<Term> terms,
                             double[] measurementCiUs) {
    }

    public Subnet subnet(Architecture arch) {
        return SubnetBuilder.search(arch, table.key().searchSize(), table.key().templateSize());
    }

    public OpSum sum(Architecture arch) {
        if (!arch.space().equals(table.key().space())) {
            throw BenchException.badInput("arch " + ArchStringCodec.format(arch) + " is of the "
                    + arch.space().backboneBudgetMacsM() + " space but the table covers the "
                    + table.key().backboneBudget() + " space");
        }
        List<Term> terms = new ArrayList<>();
        double sum = 0;
        double low = 0;
        double high = 0;
        boolean intervals = table.statistic() == LutStatistic.P50;
        for (LutOp op : ArchDecomposer.decompose(subnet(arch))) {
            LutEntry e = table.entries().get(op.signature().value());
            if (e == null) {
                throw BenchException.badInput("lookup table has no entry for " + op.signature()
                        + "; rerun 'bench lut build' to measure the missing entries");
            }
            double us = table.statistic().of(e);
            terms.add(new Term(op.units().get(0).name(), e.signature(), us));
            sum += us;
            intervals &= e.p50CiUs() != null;
            if (intervals) {
                low += e.p50CiUs().get(0);
                high += e.p50CiUs().get(1);
            }
        }
        return new OpSum(sum, terms, intervals ? new double[] {low, high} : null);
    }

    public Prediction predict(Architecture arch) {
        LutFit fit = table.fit();
        if (fit == null) {
            throw BenchException.badInput("lookup table has no fitted overhead yet; rerun 'bench lut build' to "
                    + "finish it");
        }
        OpSum s = sum(arch);
        double latency = fit.predictUs(s.sumUs(), s.ops());
        double[] ci = s.ciUs() == null ? null
                : new double[] {fit.predictUs(s.ciUs()[0], s.ops()), fit.predictUs(s.ciUs()[1], s.ops())};
        return new Prediction(latency, s.sumUs(), latency - s.sumUs(), s.ops(), s.terms(), ci);
    }
}
