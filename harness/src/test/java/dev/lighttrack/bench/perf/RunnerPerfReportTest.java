package dev.lighttrack.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerPerfReportTest {
    private static EngineResult engine(String id, long[] samples, long wall) {
        long sum = 0;
        for (long v : samples) {
            sum += v;
        }
        return new EngineResult(id, id, SampleStats.of(samples), List.of(), sum, wall);
    }

    @Test
    void ratiosAndOverheadsComeFromTheRightEngines() {
        RunnerPerfReport r = new RunnerPerfReport("m", "0".repeat(64), "cpu", new PerfSettings(1, 0, 3, 1), List.of(
                engine(JnaRunnerEngine.ID, new long[] {1000, 2000, 3000}, 6060),
                engine(OnnxRuntimeEngine.ID, new long[] {4000, 4000, 4000}, -1),
                engine(ExecutableRunnerEngine.ID, new long[] {1000, 1600, 3400}, -1)));
        assertEquals(0.5, r.runnerToOrtP50(), 1e-12);
        assertEquals(0.5, r.runnerToOrtMean(), 1e-12);
        assertEquals(25.0, r.jnaVsExecutableP50Pct(), 1e-9);
        assertEquals(0.0, r.jnaVsExecutableMeanPct(), 1e-9);
        assertEquals(1.0, r.jnaCallPct(), 1e-9);
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheOption() {
        assertEquals("threads must be 1-64, got 0",
                assertThrows(BenchException.class, () -> new PerfSettings(0, 1, 1, 1)).getMessage());
        assertEquals("warmup must be 0-100000, got -1",
                assertThrows(BenchException.class, () -> new PerfSettings(1, -1, 1, 1)).getMessage());
        assertEquals("iterations must be 1-1000000, got 0",
                assertThrows(BenchException.class, () -> new PerfSettings(1, 1, 0, 1)).getMessage());
    }
}
