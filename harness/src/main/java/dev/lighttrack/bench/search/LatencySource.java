package dev.lighttrack.bench.search;

import dev.lighttrack.bench.space.Architecture;
import java.util.List;

/** Where a search gets candidates' latencies: measured on a device, or predicted by a lookup table. */
public interface LatencySource {
    /** The estimates of {@code archs}, in order; measuring ones batch them into one plan. */
    List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs);

    /** What the source is, for reports: "measured on …", "lut FILE". */
    String describe();
}
