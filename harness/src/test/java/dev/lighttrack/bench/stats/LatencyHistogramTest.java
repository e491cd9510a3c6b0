package dev.lighttrack.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyHistogramTest {
    @TempDir
    Path dir;

    @Test
    void summaryComesFromRawSamples() {
        LatencyHistogram h = new LatencyHistogram();
        // 1..100 ms in 1 ms steps
        for (int i = 1; i <= 100; i++) {
            h.record(i * 1_000_000L);
        }
        LatencySummary s = h.summary();
        assertEquals(100, s.samples());
        assertEquals(1000, s.minUs(), 1e-9);
        assertEquals(100_000, s.maxUs(), 1e-9);
        assertEquals(50_500, s.meanUs(), 1e-9);
        assertEquals(50_000, s.p50Us(), 50);
        assertEquals(90_000, s.p90Us(), 90);
        assertEquals(99_000, s.p99Us(), 99);
        assertEquals(29_011.49, s.stdevUs(), 0.01);
        assertEquals(25_000, s.madUs(), 1e-9);
        assertEquals(1e6 / 50_500, s.fps(), 1e-9);
        assertEquals(29_011.49 / 50_500, s.cv(), 1e-6);
    }

    @Test
    void percentilesNeverPassTheExactExtremes() {
        LatencyHistogram h = new LatencyHistogram();
        // 193.313 ms falls in a bucket whose highest equivalent value is above it
        h.record(190_000_000L);
        h.record(193_313_000L);
        LatencySummary s = h.summary();
        assertEquals(193_313.0, s.maxUs(), 1e-9);
        assertTrue(s.p99Us() <= s.maxUs(), "p99 " + s.p99Us() + " > max " + s.maxUs());
        assertTrue(s.p50Us() >= s.minUs());
    }

    @Test
    void rejectsNonPositiveSamples() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().record(0));
    }

    @Test
    void histogramLogRoundTrips() throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 1000; i++) {
            h.record(2_000_000L + i * 1000L);
        }
        h.summary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistogramLogFile.write(h.histogram(), "test run", out);
        Path file = dir.resolve("r.hlog");
        Files.write(file, out.toByteArray());
        Histogram back = HistogramLogFile.read(file);
        assertEquals(1000, back.getTotalCount());
        assertEquals(h.histogram().getValueAtPercentile(99), back.getValueAtPercentile(99));
    }
}
