package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchCommandTest {
    @TempDir
    Path dir;

    @Test
    void infoJsonHasIntegerMacsParamsCanonicalArchAndBreakdowns() throws Exception {
        CliRun r = CliRun.of("arch", "info", "--arch", "lighttrack-mobile", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JsonMapper.MAPPER.readTree(r.out());
        assertTrue(j.get("macs").isIntegralNumber());
        assertTrue(j.get("params").isIntegralNumber());
        assertEquals(528.9e6, j.get("macs").asDouble(), 528.9e6 * 0.005);
        assertEquals("back_04502514044521042540+cls_211000022+reg_100000111_ops_32", j.get("arch").asText());
        assertEquals(12, j.get("stages").size());
        assertTrue(j.get("layers").size() > 30);
        assertEquals("c24.0", j.get("layers").get(2).get("name").asText());
    }

    @Test
    void malformedArchIsOneLineWithPositionAndExitCode2() {
        CliRun r = CliRun.of("arch", "info", "--arch", "back_04502514044521042540+cls_211000022+reg_100000111_ops_52");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("position 59") && r.err().contains("found '5'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void exportWithBadArchWritesNothing() {
        Path out = dir.resolve("m.onnx");
        CliRun r = CliRun.of("arch", "export", "--arch", "back_0450+cls", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exportWritesTemplatePart() {
        Path out = dir.resolve("t.onnx");
        CliRun r = CliRun.of("arch", "export", "--arch", "lighttrack-mobile", "--part", "template", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void sampleRespectsMaxMacsAndSeed() throws Exception {
        CliRun a = CliRun.of("arch", "sample", "--count", "5", "--seed", "3", "--max-macs", "450M", "--json");
        CliRun b = CliRun.of("arch", "sample", "--count", "5", "--seed", "3", "--max-macs", "450M", "--json");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(a.out(), b.out());
        for (JsonNode n : JsonMapper.MAPPER.readTree(a.out())) {
            assertTrue(n.get("macs").asLong() <= 450_000_000L);
        }
        CliRun bad = CliRun.of("arch", "sample", "--max-macs", "lots");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--max-macs 'lots'"), bad.err());
    }

    @Test
    void unknownOptionIsExitCode2() {
        CliRun r = CliRun.of("arch", "info", "--arch", "lighttrack-mobile", "--frobnicate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }
}
