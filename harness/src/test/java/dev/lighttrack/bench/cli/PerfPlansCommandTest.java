package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import org.junit.jupiter.api.Test;

class PerfPlansCommandTest {
    @Test
    void measuresBothPlansTwiceOnThisHost() throws Exception {
        CliRun run = CliRun.of("perf", "plans", "--device", "host", "--samples", "3", "--seed", "5", "--iterations",
                "6", "--rounds", "3", "--warmup", "0", "--min-seconds", "0", "--search-size", "128", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode r = JsonMapper.MAPPER.readTree(run.out());
        assertEquals(3, r.get("subnets").asInt());
        assertEquals("blocks", r.at("/plans/0/plan").asText());
        assertEquals(1, r.at("/plans/0/rounds").asInt());
        assertEquals("interleaved", r.at("/plans/1/plan").asText());
        assertEquals(3, r.at("/plans/1/rounds").asInt());
        for (JsonNode m : r.get("measurements")) {
            assertEquals(2, m.get("blocks_ms").size());
            assertEquals(2, m.get("interleaved_ms").size());
            m.get("interleaved_ms").forEach(v -> assertTrue(v.asDouble() > 0, m.toString()));
        }
        // the passes alternate: blocks, interleaved, blocks (retest), interleaved (retest)
        assertTrue(run.err().indexOf("blocks, first pass") < run.err().indexOf("interleaved, first pass")
                && run.err().indexOf("interleaved, first pass") < run.err().indexOf("blocks, retest"), run.err());
    }

    @Test
    void oneRoundIsNoInterleavedPlan() {
        CliRun run = CliRun.of("perf", "plans", "--device", "host", "--rounds", "1", "--samples", "2");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--rounds must be at least 2 here"), run.err());
    }
}
