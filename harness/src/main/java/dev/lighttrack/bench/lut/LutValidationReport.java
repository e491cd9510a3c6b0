package dev.lighttrack.bench.lut;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lighttrack.bench.stats.PredictionAccuracy;
import java.util.List;

/** {@code bench lut validate}: the table's predictions against end-to-end measurements (report.json). */
public record LutValidationReport(String lut, LutKey key, String statistic, LutFit fit, long seed, int samples,
                                  @JsonUnwrapped Accuracy accuracy, double macsKendallTau, double macsSpearmanRho,
                                  int inFitSet, @JsonInclude(JsonInclude.Include.NON_NULL) Accuracy retest,
                                  Settings settings, List<String> notConverged, OpKindAttribution.Result byOpKind,
                                  List<Subnet> subnets) {
    /** Accuracy in the report's units (milliseconds, shares). */
    public record Accuracy(@JsonProperty("within_10pct") double within10pct,
                           @JsonProperty("within_5pct") double within5pct, double rmseMs, double mape,
                           double kendallTau, double spearmanRho) {
        static Accuracy of(PredictionAccuracy a) {
            return a == null ? null : new Accuracy(a.within10pct(), a.within5pct(), a.rmseUs() / 1000, a.mape(),
                    a.kendallTau(), a.spearmanRho());
        }
    }

    /** {@code targetCiPct}: the stopping rule's target (0: measured once). */
    public record Settings(int warmup, int iterations, double minSeconds, int rounds, double targetCiPct) {
    }

    /** One measured subnet; {@code retest_ms} only with --retest. */
    public record Subnet(String arch, long macs, double predictedMs, double measuredMs, double errorPct, long samples,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double retestMs) {
    }

    public static LutValidationReport of(String lut, LutTable table, long seed, LutValidator.Result r,
            Settings settings) {
        List<Subnet> rows = r.rows().stream().map(row -> new Subnet(row.arch(), row.macs(), row.predictedUs() / 1000,
                row.measuredUs() / 1000, row.errorPct(), row.samples(),
                row.retestUs() == null ? null : row.retestUs() / 1000)).toList();
        return new LutValidationReport(lut, table.key(), table.statistic().label(), table.fit(), seed,
                r.accuracy().samples(), Accuracy.of(r.accuracy()), r.macsKendallTau(), r.macsSpearmanRho(),
                r.inFitSet(), Accuracy.of(r.retest()), settings, r.unconverged(), r.byKind(), rows);
    }
}
