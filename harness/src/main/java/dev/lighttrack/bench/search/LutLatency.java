package dev.lighttrack.bench.search;

import dev.lighttrack.bench.lut.LatencyPredictor;
import dev.lighttrack.bench.lut.LutTable;
import dev.lighttrack.bench.space.Architecture;
import java.util.List;

/** Latency predicted by a lookup table of the search's target key: no device time at all. */
public final class LutLatency implements LatencySource {
    private final LatencyPredictor predictor;
    private final String file;

    public LutLatency(LutTable table, String file) {
        this.predictor = new LatencyPredictor(table);
        this.file = file;
    }

    @Override
    public List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs) {
        return archs.stream().map(a -> new LatencyEstimate("lut", predictor.predict(a).latencyUs(), null, 0, false))
                .toList();
    }

    @Override
    public String describe() {
        return "predicted by " + file;
    }
}
