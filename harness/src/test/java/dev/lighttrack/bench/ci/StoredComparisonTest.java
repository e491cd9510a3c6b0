package dev.lighttrack.bench.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.stats.LatencyHistogram;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A treatment against a stored run: no control, so the interval combines both runs and the threshold widens. */
class StoredComparisonTest {
    private static RawRun run(double ms, double noise, long seed) {
        Random rng = new Random(seed);
        int rounds = 20;
        int per = 10;
        long[] s = new long[rounds * per];
        int[] sizes = new int[rounds];
        for (int r = 0; r < rounds; r++) {
            sizes[r] = per;
            for (int k = 0; k < per; k++) {
                s[r * per + k] = Math.round(ms * 1e6 * (1 + noise * rng.nextGaussian()));
            }
        }
        return new RawRun(s, List.of(), "0.1.0", "synthetic", 1, "ab", 1L, 1L, sizes);
    }

    static RunRecord stored(RawRun raw) {
        LatencyHistogram h = new LatencyHistogram();
        h.recordAll(raw.samplesNs());
        return new RunRecord(RunRecord.SCHEMA_VERSION, "base", "2026-12-01T10:00:00Z", null, "cpu", "fp32", null, null,
                null, null, null, null, h.summary().withRounds(raw.rounds()), null, null, "base.hlog", null, null,
                null);
    }

    @Test
    void aClearSlowDownIsARegressionAndNoChangeIsSame() {
        RunRecord base = stored(run(10, 0.01, 1));
        Comparison slower = StoredComparison.of(base, run(11, 0.01, 2), 5);
        assertEquals(Decision.REGRESSION, slower.decision(), slower.toString());
        assertEquals(1.10, slower.ratio(), 0.01);
        assertTrue(slower.p() < 0.001, slower.toString());
        Comparison same = StoredComparison.of(base, run(10, 0.01, 3), 5);
        assertEquals(Decision.SAME, same.decision(), same.toString());
        assertEquals(StoredComparison.TEST, same.test());
    }

    @Test
    void theThresholdWidensToWhatTheTwoRunsCanTell() {
        // 20% sample noise: each run's median is known to a few percent only, so 5% cannot be the threshold
        RunRecord base = stored(run(10, 0.2, 4));
        Comparison c = StoredComparison.of(base, run(10.6, 0.2, 5), 5);
        assertTrue(c.thresholdPct() > 5, c.toString());
        assertTrue(c.decision() != Decision.REGRESSION, "a 6% change within the runs' spread: " + c);
        double combined = (c.ratioCi().get(1) - c.ratioCi().get(0)) / 2;
        assertTrue(combined > 0.02, "the interval combines both runs': " + c.ratioCi());
    }

    @Test
    void aStoredRunWithoutRoundsIsRefused() {
        LatencyHistogram h = new LatencyHistogram();
        h.recordAll(new long[] {1_000_000, 1_100_000});
        RunRecord old = new RunRecord("1.1", "old", "2026-01-01T00:00:00Z", null, "cpu", "fp32", null, null, null,
                null, null, null, h.summary(), null, null, "old.hlog", null, null, null);
        assertThrows(IllegalArgumentException.class, () -> StoredComparison.of(old, run(10, 0.01, 1), 5));
    }
}
