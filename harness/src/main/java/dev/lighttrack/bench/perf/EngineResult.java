package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.stats.SampleStats;
import java.util.List;

/**
 * One engine over all rounds: exact statistics of every sample, each round's median (to see drift on a noisy
 * machine), the sum of all samples, and the sum of the caller's wall time around the calls that produced them
 * ({@code -1} when the engine has no such call).
 */
public record EngineResult(String id, String description, SampleStats stats, List<Double> roundP50Us,
                           long sumSamplesNs, long sumCallWallNs) {
    public EngineResult {
        roundP50Us = List.copyOf(roundP50Us);
    }

    public boolean hasCallWall() {
        return sumCallWallNs >= 0;
    }
}
