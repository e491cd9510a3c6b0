package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.export.ModelFiles;
import dev.lighttrack.bench.export.OnnxExporter;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench perf runner}: bad input, and a tiny run whose JSON has a measurement from every engine. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PerfRunnerCommandTest {
    @TempDir
    Path work;

    @Test
    void anUnknownArchIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("perf", "runner", "--arch", "no-such-arch");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("bench: unknown architecture 'no-such-arch'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void zeroThreadsIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("perf", "runner", "--threads", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("bench: --threads must be 1-64, got 0", run.err().strip());
    }

    @Test
    void zeroRoundsIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("perf", "runner", "--rounds", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("bench: --rounds must be 1-1000, got 0", run.err().strip());
    }

    @Test
    void theHelpSaysTheThreadsDefault() {
        CliRun run = CliRun.of("perf", "runner", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().replaceAll("\\s+", " ").contains("Default: 1."), run.out());
    }

    @Test
    void aTinyRunMeasuresEveryEngine() throws Exception {
        assertTrue(getClass().getClassLoader().getResource("linux-x86-64/libltrunner.so") != null,
                "libltrunner.so is not built (native module)");
        // the stem and the first blocks of LightTrack-Mobile: a real graph, a few ms per inference
        Subnet subnet = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128);
        List<NetUnit> units = subnet.units().subList(0, 3);
        Path model = work.resolve("small.onnx");
        ModelFiles.write(OnnxExporter.exportUnits("small", units, 7), model);

        CliRun run = CliRun.of("perf", "runner", "--model", model.toString(), "--iterations", "3", "--rounds", "1",
                "--warmup", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = JsonMapper.MAPPER.readTree(run.out());
        assertEquals("small", json.path("model").asText());
        assertEquals(1, json.path("threads").asInt());
        Set<String> ids = new TreeSet<>();
        for (JsonNode engine : json.path("engines")) {
            ids.add(engine.path("id").asText());
            assertEquals(3, engine.path("samples").asInt(), engine.toString());
            for (String field : new String[] {"p50_us", "mean_us", "p90_us"}) {
                assertTrue(engine.path(field).asDouble() > 0, field + " in " + engine);
            }
            assertFalse(engine.path("engine").asText().isBlank(), engine.toString());
        }
        assertEquals(Set.of("onnxruntime", "runner_executable", "runner_jna"), ids);
        assertTrue(json.path("runner_to_ort_p50").asDouble() > 0, json.toString());
        assertTrue(json.path("runner_to_ort_mean").asDouble() > 0, json.toString());
        // Java wall time around a call can never be less than the inferences timed inside it
        assertTrue(json.path("overhead_jna_call_pct").asDouble() >= 0, json.toString());
        assertTrue(json.path("overhead_jna_vs_executable_p50_pct").isNumber(), json.toString());
        assertTrue(run.err().contains("bench perf: round 1/1"), run.err());
    }
}
