package dev.lighttrack.bench.ci;

import java.util.List;

/**
 * A treatment compared with a control: both medians (µs) with their 95% intervals, the ratio treatment/control
 * with its interval, the test's p, the threshold the decision used (%) and the decision. {@code test} names how:
 * an interleaved A/B ({@link PairedComparison}) or a stored baseline ({@link StoredComparison}).
 */
public record Comparison(String test, int rounds, double controlP50Us, List<Double> controlCiUs,
                         double treatmentP50Us, List<Double> treatmentCiUs, double ratio, List<Double> ratioCi,
                         double p, double thresholdPct, Decision decision) {
}
