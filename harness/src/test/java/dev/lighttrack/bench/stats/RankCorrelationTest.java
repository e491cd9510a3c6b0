package dev.lighttrack.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void perfectAndReversedOrder() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, RankCorrelation.kendallTau(x, new double[] {10, 20, 30, 40, 50}), 1e-12);
        assertEquals(-1.0, RankCorrelation.kendallTau(x, new double[] {5, 4, 3, 2, 1}), 1e-12);
        assertEquals(1.0, RankCorrelation.spearmanRho(x, new double[] {1, 4, 9, 16, 25}), 1e-12);
    }

    @Test
    void knownValuesWithTies() {
        // hand-computed: x = 1,2,3,4 ; y = 1,3,2,2 -> C=3, D=2, ties in y only: 1 -> tau-b = 1/sqrt(6*5)
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 3, 2, 2};
        assertEquals(1 / Math.sqrt(30), RankCorrelation.kendallTau(x, y), 1e-12);
        // ranks of y = 1, 4, 2.5, 2.5; pearson with 1..4 = 0.4 / sqrt(1 * 0.9) ... checked against the definition
        double[] ry = RankCorrelation.ranks(y);
        assertEquals(2.5, ry[2], 0);
        assertEquals(RankCorrelation.pearson(new double[] {1, 2, 3, 4}, ry), RankCorrelation.spearmanRho(x, y), 1e-12);
        assertEquals(0.3162277660168379, RankCorrelation.spearmanRho(x, y), 1e-12);
    }

    @Test
    void predictionAccuracy() {
        PredictionAccuracy a = PredictionAccuracy.of(new double[] {100, 104, 120, 50}, new double[] {100, 100, 100, 100});
        assertEquals(0.5, a.within5pct(), 0);
        assertEquals(0.5, a.within10pct(), 0);
        assertEquals((0 + 0.04 + 0.2 + 0.5) / 4, a.mape(), 1e-12);
        assertEquals(Math.sqrt((0 + 16 + 400 + 2500) / 4.0), a.rmseUs(), 1e-9);
    }
}
