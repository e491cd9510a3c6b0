package dev.lighttrack.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HybridLatencyTest {
    /** A source that answers from a map and remembers what it was asked. */
    private static final class Fixed implements LatencySource {
        final Map<Architecture, Double> us;
        final String source;
        final List<Architecture> asked = new ArrayList<>();

        Fixed(Map<Architecture, Double> us, String source) {
            this.us = us;
            this.source = source;
        }

        @Override
        public List<LatencyEstimate> estimate(List<Architecture> archs, double budgetUs) {
            asked.addAll(archs);
            return archs.stream().map(a -> new LatencyEstimate(source, us.get(a), source.equals("measured")
                    ? List.of(us.get(a) * 0.99, us.get(a) * 1.01) : null, 10, false)).toList();
        }

        @Override
        public String describe() {
            return source;
        }
    }

    @Test
    void onlyCandidatesPredictedClearlyOverTheBudgetAreSparedAndMeasurementDecides() {
        List<Architecture> a = new ArchSampler(SearchSpace.MOBILE).distinct(4, new Random(1));
        // predictions: far under, just over (within the 10% error), far over, under but really over
        Fixed table = new Fixed(Map.of(a.get(0), 10_000.0, a.get(1), 26_000.0, a.get(2), 40_000.0, a.get(3),
                24_000.0), "lut");
        Fixed device = new Fixed(Map.of(a.get(0), 11_000.0, a.get(1), 24_000.0, a.get(2), 39_000.0, a.get(3),
                27_000.0), "measured");
        List<String> said = new ArrayList<>();
        List<LatencyEstimate> e = new HybridLatency(table, device, 10, said::add).estimate(a, 25_000);
        assertEquals(List.of(a.get(0), a.get(1), a.get(3)), device.asked, "the far-over one is not measured");
        assertEquals(List.of("measured", "measured", "lut", "measured"), e.stream().map(LatencyEstimate::source)
                .toList());
        assertTrue(e.get(0).within(25_000));
        assertTrue(e.get(1).within(25_000), "predicted just over, measured under: feasible");
        assertFalse(e.get(2).within(25_000));
        assertFalse(e.get(3).within(25_000), "predicted under, measured over: not feasible");
        assertTrue(said.get(0).contains("3 candidate(s) measured, 1 predicted over"), said.toString());
    }
}
