package dev.lighttrack.bench.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

class OverheadFitterTest {
    /** The table of {@link LatencyPredictorTest} with 10 whole runs whose latency follows {@code law(Σ, ops)}. */
    static LutTable withRuns(int count, ToDoubleBiFunction<Double, Integer> law) {
        LutTable t = LatencyPredictorTest.table(null);
        LatencyPredictor p = new LatencyPredictor(t);
        ArchSampler sampler = new ArchSampler(SearchSpace.MOBILE);
        Random rng = new Random(3);
        List<WholeModelRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Architecture a = sampler.sample(rng);
            LatencyPredictor.OpSum s = p.sum(a);
            double us = law.applyAsDouble(s.sumUs(), s.ops());
            runs.add(new WholeModelRun(ArchStringCodec.format(a), 0, us, us * 0.9, 100));
        }
        return new LutTable(t.schemaVersion(), t.key(), t.settings(), null, t.entries(), runs, null, "t", "t");
    }

    @Test
    void aConstantResidualIsFittedAsOverheadAlone() {
        LutFit f = OverheadFitter.fit(withRuns(10, (sum, ops) -> sum + 500));
        assertEquals(500, f.overheadUs(), 1e-6);
        assertEquals(0, f.perOpUs());
        assertEquals(1, f.scale());
        assertTrue(f.method().startsWith("overhead:"), f.method());
    }

    @Test
    void aPerOpCostIsFoundWhenItIsThere() {
        LutFit f = OverheadFitter.fit(withRuns(10, (sum, ops) -> sum + 400 - 30.0 * ops));
        assertEquals(400, f.overheadUs(), 1e-6);
        assertEquals(-30, f.perOpUs(), 1e-9);
        assertEquals(1, f.scale());
        assertTrue(f.method().startsWith("overhead+per-op:"), f.method());
    }

    @Test
    void aScaleIsFoundWhenWholeModelsRunUniformlyFaster() {
        LutFit f = OverheadFitter.fit(withRuns(10, (sum, ops) -> 0.8 * sum + 250));
        assertEquals(0.8, f.scale(), 1e-9);
        assertEquals(250, f.overheadUs(), 1e-6);
        assertEquals(0, f.perOpUs());
        assertEquals(0.8 * 4000 + 250, f.predictUs(4000, 30), 1e-6);
    }

    @Test
    void withFewRunsOnlyTheConstantIsFitted() {
        LutFit f = OverheadFitter.fit(withRuns(3, (sum, ops) -> sum + 400 - 30.0 * ops));
        assertEquals(0, f.perOpUs());
        assertEquals(1, f.scale());
        assertEquals(3, f.subnets());
    }
}
