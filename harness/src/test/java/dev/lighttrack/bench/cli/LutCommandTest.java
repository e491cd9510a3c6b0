package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LutEntry;
import dev.lighttrack.bench.lut.LutFiles;
import dev.lighttrack.bench.lut.LutFit;
import dev.lighttrack.bench.lut.LutKey;
import dev.lighttrack.bench.lut.LutSettings;
import dev.lighttrack.bench.lut.LutTable;
import dev.lighttrack.bench.lut.OpCatalog;
import dev.lighttrack.bench.lut.OpSignature;
import dev.lighttrack.bench.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LutCommandTest {
    @TempDir
    Path dir;

    /** Every entry 10 µs; correction 300 µs per inference, -2 µs per op. */
    Path table(LutFit fit) {
        Map<String, LutEntry> entries = new TreeMap<>();
        for (OpSignature s : OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).keySet()) {
            entries.put(s.value(), new LutEntry(s.value(), 10, 9, 11, 10, 100, 1000));
        }
        LutKey key = new LutKey("sd845", "SDM845", "fp", false, "cpu", "fp32", 1, "0.1.0", 256, 128, 470);
        Path file = dir.resolve("sd845-cpu-fp32.json");
        LutFiles.write(new LutTable(LutTable.SCHEMA_VERSION, key, new LutSettings(10, 100, 0.5, null), null, entries,
                null, fit, "t", "t"), file);
        return file;
    }

    static void assertOneLineExit2(CliRun r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        String first = r.err().strip().lines().findFirst().orElse("");
        assertTrue(first.startsWith("bench: ") && first.contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void predictPrintsTheSumOfEntriesPlusTheCorrectionWithItsTerms() throws Exception {
        Path file = table(new LutFit("test", 8, 1, 300, -2, 1, 1));
        CliRun r = CliRun.of("lut", "predict", "--lut", file.toString(), "--arch", "lighttrack-mobile", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JsonMapper.MAPPER.readTree(r.out());
        assertEquals(32, j.get("ops").asInt());
        assertEquals(32, j.get("terms").size());
        assertEquals(0.320, j.get("op_sum_ms").asDouble(), 1e-9);
        assertEquals((320 + 300 - 2 * 32) / 1000.0, j.get("predicted_ms").asDouble(), 1e-9);
        assertEquals("cpu", j.get("key").get("backend").asText());
        assertEquals("stem", j.get("terms").get(0).get("unit").asText());

        CliRun text = CliRun.of("lut", "predict", "--lut", file.toString(), "--arch", "lighttrack-mobile");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("lighttrack-mobile: 0.556 ms predicted (p50) on sd845 cpu fp32"), text.out());
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        assertOneLineExit2(CliRun.of("lut", "predict", "--lut", dir.resolve("none.json").toString(), "--arch",
                "lighttrack-mobile"), "does not exist");
        Path file = table(new LutFit("test", 8, 1, 300, -2, 1, 1));
        assertOneLineExit2(CliRun.of("lut", "predict", "--lut", file.toString(), "--arch", "back_1"), "back_1");
        assertOneLineExit2(CliRun.of("lut", "predict", "--lut", table(null).toString(), "--arch",
                "lighttrack-mobile"), "no fitted overhead");
        Path notATable = dir.resolve("x.json");
        Files.writeString(notATable, "{\"schema_version\": \"7.0\"}");
        assertOneLineExit2(CliRun.of("lut", "predict", "--lut", notATable.toString(), "--arch", "lighttrack-mobile"),
                "schema 1.x");
        assertOneLineExit2(CliRun.of("lut", "build", "--device", "nosuch", "--backend", "cpu"),
                "--device 'nosuch' is unknown");
        assertOneLineExit2(CliRun.of("lut", "build", "--device", "host", "--backend", "cpu", "--budget", "123"),
                "--budget 123");
        assertOneLineExit2(CliRun.of("lut", "build", "--device", "host", "--backend", "cpu", "--batch-size", "0"),
                "--batch-size must be 1-1000, got 0");
        assertOneLineExit2(CliRun.of("lut", "build", "--device", "host", "--backend", "cpu", "--iterations", "0"),
                "--iterations must be 1-1000000, got 0");
        assertOneLineExit2(CliRun.of("lut", "validate", "--device", "host", "--backend", "cpu", "--lut",
                file.toString(), "--samples", "1"), "--samples must be 2-10000, got 1");
    }
}
