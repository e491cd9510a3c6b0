package dev.lighttrack.bench.lut;

/** {@code bench lut build}: what the build measured now and what the table holds. */
public record LutBuildReport(String lut, LutKey key, String statistic, int entries, int opsMeasured, int wholeModels,
                             int wholeModelsMeasured, LutFit fit, double opWallS, double opSampledS,
                             double harnessEfficiency, double wallS) {
    public static LutBuildReport of(String lut, LutBuilder.Result r) {
        return new LutBuildReport(lut, r.table().key(), r.table().statistic().label(), r.entries(), r.opsMeasured(),
                r.table().wholeModels().size(), r.wholeModelsMeasured(), r.table().fit(), r.opWallSeconds(),
                r.opSampledSeconds(), r.efficiency(), r.wallSeconds());
    }
}
