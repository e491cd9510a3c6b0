package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.OpTiming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-op times over every block of a run in rounds: the runner gives each block's per-inference means, and a
 * whole run's mean weighs each block by its samples (so the ops describe the same inferences as the summary).
 */
final class OpTimeAverage {
    private final Map<String, OpTiming> first = new LinkedHashMap<>();
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    void add(List<OpTiming> block, int samples) {
        for (OpTiming op : block) {
            first.putIfAbsent(op.node(), op);
            double[] s = sums.computeIfAbsent(op.node(), k -> new double[2]);
            s[0] += (double) op.meanNs() * samples;
            s[1] += samples;
        }
    }

    List<OpTiming> result() {
        List<OpTiming> ops = new ArrayList<>(first.size());
        first.forEach((node, op) -> {
            double[] s = sums.get(node);
            ops.add(new OpTiming(node, op.opType(), s[1] > 0 ? Math.round(s[0] / s[1]) : op.meanNs()));
        });
        return ops;
    }
}
