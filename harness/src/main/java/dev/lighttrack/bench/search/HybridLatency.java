package dev.lighttrack.bench.search;

import dev.lighttrack.bench.space.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Predict first, measure what could fit: a candidate the table predicts over the budget by more than the table's
 * error is rejected on the prediction (no device time); every other one is measured, and its measurement decides.
 * So nothing is accepted on a prediction: every feasible candidate was measured, and only the clearly infeasible
 * ones are spared.
 */
public final class HybridLatency implements LatencySource {
    private final LatencySource predictor;
    private final LatencySource measurer;
    private final double errorPct;
    private final Consumer<String> progress;
    private int predictedOver;
    private int measured;

    /** @param errorPct the table's error (as {@code lut validate} found it), in percent of the latency */
    public HybridLatency(LatencySource predictor, LatencySource measurer, double errorPct, Consumer<String> progress) {
        this.predictor = predictor;
        this.measurer = measurer;
        this.errorPct = errorPct;
        this.progress = progress;
    }

    @Override
    public List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs) {
        List<LatencyEstimate> predicted = predictor.estimate(archs, budgetUs);
        double limit = budgetUs * (1 + errorPct / 100);
        List<Integer> toMeasure = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            if (predicted.get(i).p50Us() <= limit) {
                toMeasure.add(i);
            }
        }
        List<LatencyEstimate> out = new ArrayList<>(predicted);
        if (!toMeasure.isEmpty()) {
            List<LatencyEstimate> m = measurer.estimate(toMeasure.stream().map(archs::get).toList(), budgetUs);
            for (int k = 0; k < toMeasure.size(); k++) {
                out.set(toMeasure.get(k), m.get(k));
            }
        }
        int over = archs.size() - toMeasure.size();
        predictedOver += over;
        measured += toMeasure.size();
        progress.accept(String.format(Locale.ROOT, "hybrid: %d candidate(s) measured, %d predicted over the budget by "
                + "more than %.1f%% (not measured); %d and %d so far", toMeasure.size(), over, errorPct, measured,
                predictedOver));
        return out;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "hybrid: %s; measured unless predicted over the budget by more than %.1f%% "
                + "(%s)", predictor.describe(), errorPct, measurer.describe());
    }
}
