package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LutFit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every --json output keeps the fields README documents: each command's output is read back and its field
 * paths compared with the list in src/test/resources/json-fields/ (recorded from the output before the
 * results became records; a field added or lost fails here).
 */
class JsonOutputFieldsTest {
    @TempDir
    Path dir;

    @Test
    void archSpace() throws IOException {
        assertFields("space", CliRun.of("arch", "space", "--json"));
    }

    @Test
    void archInfo() throws IOException {
        assertFields("info", CliRun.of("arch", "info", "--arch", "lighttrack-mobile", "--json"));
    }

    @Test
    void archSample() throws IOException {
        assertFields("sample", CliRun.of("--json", "arch", "sample", "--count", "2"));
    }

    @Test
    void lutPredict() throws Exception {
        LutCommandTest tables = new LutCommandTest();
        tables.dir = dir;
        Path table = tables.table(new LutFit("test", 8, 1, 300, -2, 1, 1));
        assertFields("lutpred", CliRun.of("lut", "predict", "--lut", table.toString(), "--arch", "lighttrack-mobile",
                "--json"));
    }

    @Test
    void benchRunRecord() throws IOException {
        assertFields("bench", CliRun.of("--device", "host", "--warmup", "1", "--iterations", "2", "--min-seconds", "0",
                "--results", dir.resolve("runs").toString(), "--json"));
    }

    private static void assertFields(String name, CliRun run) throws IOException {
        assertEquals(0, run.exitCode(), run::toString);
        TreeSet<String> paths = new TreeSet<>();
        walk(JsonMapper.MAPPER.readTree(run.out()), "", paths);
        assertEquals(expected(name), String.join("\n", paths), "fields of " + name + " --json");
    }

    private static void walk(JsonNode node, String path, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                paths.add(path + "." + e.getKey());
                walk(e.getValue(), path + "." + e.getKey(), paths);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, path + "[]", paths));
        }
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = JsonOutputFieldsTest.class.getResourceAsStream("/json-fields/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
