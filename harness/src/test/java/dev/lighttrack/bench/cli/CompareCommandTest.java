package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.session.BenchHome;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String BIGGER = "back_04502514044521042540+cls_211000022+reg_100000111_ops_32";

    @Test
    void modelsAreMeasuredTogetherAndComparedWithTheFirst() throws Exception {
        CliRun run = CliRun.of("compare", "--device", "host", "lighttrack-mobile", BIGGER, "lighttrack-mobile",
                "--search-size", "64", "--iterations", "24", "--rounds", "6", "--warmup", "1", "--min-seconds", "0",
                "--commit", "compare-test", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode d = JsonMapper.MAPPER.readTree(run.out()).at("/devices/0");
        assertEquals(6, d.get("rounds").asInt());
        JsonNode rows = d.get("models");
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).get("latency_ratio").isNull(), "the first is the reference");
        assertEquals(38.4, rows.get(0).at("/paper/fps").asDouble(), 1e-9);
        // the same model again is a copy of the same bytes: about the same latency as the first
        assertEquals(1.0, rows.get(2).get("latency_ratio").asDouble(), 0.15);
        for (JsonNode r : rows) {
            assertTrue(r.get("p50_us").asDouble() > 0 && r.get("fps").asDouble() > 0, r.toString());
            JsonNode rec = JsonMapper.MAPPER.readTree(BenchHome.results("runs").resolve(r.get("run_id").asText()
                    + ".json").toFile());
            assertEquals("compare", rec.at("/origin/command").asText());
            assertEquals("compare-test", rec.at("/origin/commit").asText());
        }
        CliRun text = CliRun.of("compare", "--device", "host", "lighttrack-mobile", "lighttrack-mobile",
                "--search-size", "64", "--iterations", "12", "--rounds", "6", "--warmup", "1", "--min-seconds", "0");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("1 (reference)") && text.out().contains("38.4 fps"), text.out());
    }

    @Test
    void badInputIsOneLine() {
        LutCommandTest.assertOneLineExit2(CliRun.of("compare", "--device", "host", "lighttrack-mobile", "nope"),
                "nope");
        LutCommandTest.assertOneLineExit2(CliRun.of("compare", "--device", "host", "lighttrack-mobile",
                "lighttrack-mobile", "--rounds", "3"), "must be at least 6");
        CliRun one = CliRun.of("compare", "--device", "host", "lighttrack-mobile");
        assertEquals(2, one.exitCode(), one::toString);
    }
}
