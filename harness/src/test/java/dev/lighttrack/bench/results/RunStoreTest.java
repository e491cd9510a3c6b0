package dev.lighttrack.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.stats.HistogramLogFile;
import dev.lighttrack.bench.stats.LatencyHistogram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    static RunRecord record(String id, LatencyHistogram h) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, "2026-11-24T12:00:00Z",
                new RunRecord.Device("127.0.0.1:6520", "sd845", "VModel", "SDM845", "x86_64", true, "127.0.0.1:5037"),
                "cpu", "fp32", new RunRecord.Runner("0.1.0", "xnnpack", 1),
                new RunRecord.Model("lighttrack-mobile", "back_x", "ab12", 528880320L, 1969397L, 256),
                new RunRecord.Settings(10, 100, 1.0, 1, "4-7", 0, 1),
                new RunRecord.Conditions(Map.of("cpu0", 41.0), Map.of("cpu4", 2803200L)),
                new RunRecord.Conditions(Map.of("cpu0", 43.5), Map.of("cpu4", 2803200L)),
                new RunRecord.Timings(1200.0, 15000.0), h.summary(),
                List.of(new RunRecord.OpTime("stem/conv", "Conv", 812.5)),
                List.of(new RunRecord.Round(0, Map.of("cpu0", 41.0), Map.of("cpu4", 2803200L), 0.42, false, List.of()),
                        new RunRecord.Round(1, Map.of("cpu0", 47.0), Map.of("cpu4", 2803200L), 0.5, true,
                                List.of("cpu0 47.0 °C >= 45.0 °C"))), id + ".hlog",
                new RunRecord.Host("0.1.0", "17", "Linux"), "virtual device: timings are of this host",
                new RunRecord.Origin("ci check", "0123abc", "c-1", "treatment", "A/B"));
    }

    @Test
    void savesRecordAndHistogramAndReadsThemBack() throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 50; i++) {
            h.record(10_000_000L + i * 10_000L);
        }
        String id = RunStore.newId(Instant.parse("2026-11-24T12:00:00Z"), "127.0.0.1:6520");
        assertTrue(id.startsWith("20261124T120000Z-127.0.0.1_6520-"), id);
        Path json = new RunStore(dir).save(record(id, h), h.histogram());
        RunRecord back = RunRecordJson.read(json);
        assertEquals(record(id, h).summary(), back.summary());
        assertEquals("sd845", back.device().profile());
        assertTrue(back.device().virtual());
        assertEquals(List.of(new RunRecord.OpTime("stem/conv", "Conv", 812.5)), back.ops());
        assertEquals(50, HistogramLogFile.read(dir.resolve(back.histogramFile())).getTotalCount());
        String text = Files.readString(json);
        assertTrue(text.contains("\"schema_version\" : \"1.4\"") && text.contains("\"p50_us\""), text);
        assertEquals(record(id, h).origin(), back.origin());
        assertEquals(record(id, h).rounds(), back.rounds());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void readsARecordOfSchemaOneOneWithoutTheRoundFields() throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        h.recordAll(new long[] {1_000_000L, 1_100_000L, 1_200_000L});
        Path json = new RunStore(dir).save(record("old", h), h.histogram());
        // what bench wrote before 1.2: no settings.rounds, no summary.p50_ci_us / round_p50_us (1.2), no rounds (1.3)
        ObjectNode old = (ObjectNode) JsonMapper.MAPPER.readTree(json.toFile());
        old.put("schema_version", "1.1");
        ((ObjectNode) old.get("settings")).remove("rounds");
        ((ObjectNode) old.get("summary")).remove(List.of("p50_ci_us", "round_p50_us"));
        old.remove("rounds");
        Files.writeString(json, JsonMapper.MAPPER.writeValueAsString(old));
        RunRecord back = RunRecordJson.read(json);
        assertEquals("1.1", back.schemaVersion());
        assertEquals(null, back.settings().rounds());
        assertEquals(null, back.summary().p50CiUs());
        assertEquals(List.of(), back.rounds());
        assertEquals(1.1e3, back.summary().p50Us(), 2);
    }

    @Test
    void refusesUnknownMajorVersion() throws Exception {
        Path f = dir.resolve("r.json");
        Files.writeString(f, "{\"schema_version\": \"2.0\", \"id\": \"x\"}");
        BenchException e = assertThrows(BenchException.class, () -> RunRecordJson.read(f));
        assertTrue(e.getMessage().contains("schema 2.0") && e.getMessage().contains("1.x"), e.getMessage());
        Files.writeString(f, "{\"id\": \"x\"}");
        assertThrows(BenchException.class, () -> RunRecordJson.read(f));
    }
}
