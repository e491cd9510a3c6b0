package dev.lighttrack.bench.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lighttrack.bench.stats.SampleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LutEntryTest {
    private static final OpSignature SIGNATURE = new OpSignature("stem@3x256x256->16x128x128");

    @Test
    void anEntryMeasuredInRoundsKeepsItsMediansInterval() {
        List<long[]> rounds = new ArrayList<>();
        for (long r = 0; r < 8; r++) { // round medians 1000 .. 1700 µs
            long median = (1000 + 100 * r) * 1000;
            rounds.add(new long[] {median - 5000, median, median + 5000});
        }
        long[] all = rounds.stream().flatMapToLong(LongStream::of).toArray();
        LutEntry e = LutEntry.of(SIGNATURE, 1, SampleStats.of(all), rounds);
        // 8 rounds: k = 1 (1 - 2 P(B < 2) = 0.93 < 0.95), so the extreme round medians
        assertEquals(List.of(1000.0, 1700.0), e.p50CiUs());
    }

    @Test
    void oneBlockClaimsNoInterval() {
        long[] block = {1_000_000, 1_100_000, 1_200_000};
        assertNull(LutEntry.of(SIGNATURE, 1, SampleStats.of(block), List.of(block)).p50CiUs());
    }
}
