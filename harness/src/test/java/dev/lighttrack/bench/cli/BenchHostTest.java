package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.results.RunRecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --device host}: the runner in-process through JNA. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BenchHostTest {
    @TempDir
    Path work;

    @BeforeEach
    void theRunnerLibraryIsPackaged() {
        // the native module is part of every reactor build: a missing library is a packaging defect, not a skip
        assertTrue(BenchHostTest.class.getClassLoader().getResource("linux-x86-64/libltrunner.so") != null,
                "libltrunner.so is not on the classpath");
    }

    @Test
    void jsonHasTheSummaryFieldsFromRawSamples() throws Exception {
        Path runs = work.resolve("runs");
        CliRun run = CliRun.of("--device", "host", "--backend", "cpu", "--arch", "lighttrack-mobile", "--warmup", "1",
                "--iterations", "5", "--min-seconds", "0", "--json", "--results", runs.toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode record = RunRecordJson.MAPPER.readTree(run.out());
        JsonNode summary = record.path("summary");
        assertEquals(5, summary.path("samples").asInt());
        for (String field : new String[] {"p50_us", "p90_us", "p99_us", "mean_us", "fps"}) {
            assertTrue(summary.path(field).asDouble() > 0, field + " in " + summary);
        }
        for (String field : new String[] {"samples", "p50_us", "p90_us", "p99_us", "mean_us", "fps"}) {
            assertEquals(summary.path(field), record.path(field), "top-level " + field + " repeats the summary");
        }
        assertFalse(record.path("device").path("virtual").asBoolean());
        assertTrue(record.path("runner").path("engine").asText().startsWith("xnnpack"), record.toString());
        try (var files = Files.list(runs)) {
            assertEquals(2, files.count(), "expected the record and its .hlog");
        }
    }

    @Test
    void aCorruptModelIsTheRunnersOneLineErrorAndNoRecord() throws Exception {
        Path model = work.resolve("corrupt.onnx");
        Files.writeString(model, "this is not a protobuf");
        Path runs = work.resolve("runs");
        CliRun run = CliRun.of("--device", "host", "--model", model.toString(), "--results", runs.toString());
        assertEquals(2, run.exitCode(), run::toString);
        String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("bench: the runner on this host failed on corrupt: "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(runs) && Files.list(runs).findAny().isPresent());
    }

    @Test
    void anUnknownPrecisionIsBadInput() {
        CliRun run = CliRun.of("--device", "host", "--precision", "fp8", "--results", work.resolve("runs").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("bench: --precision must be fp32 or fp16, got 'fp8'", run.err().strip());
    }

    @Test
    void fp16OnTheGpuRunsOrSaysTheDeviceLacksIt() throws Exception {
        Path runs = work.resolve("runs");
        CliRun run = CliRun.of("--device", "host", "--backend", "gpu", "--precision", "fp16", "--arch",
                "back_04502514044521042540+cls_211000022+reg_100000111_ops_32", "--search-size", "128", "--warmup", "0",
                "--iterations", "2", "--min-seconds", "0", "--json", "--results", runs.toString());
        if (run.exitCode() == 0) {
            assertEquals("fp16", RunRecordJson.MAPPER.readTree(run.out()).path("precision").asText(), run.out());
        } else {
            // PoCL here has no cl_khr_fp16: the runner refuses rather than silently running fp32
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("cl_khr_fp16"), run.err());
            assertFalse(Files.exists(runs) && Files.list(runs).findAny().isPresent());
        }
    }

    @Test
    void theGpuRecordHoldsPerOpDeviceTimes() throws Exception {
        CliRun run = CliRun.of("--device", "host", "--backend", "gpu", "--arch", "lighttrack-mobile", "--search-size",
                "128", "--warmup", "1", "--iterations", "2", "--min-seconds", "0", "--json", "--results",
                work.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode record = RunRecordJson.MAPPER.readTree(run.out());
        JsonNode ops = record.path("ops");
        assertTrue(ops.size() > 10, record.toString());
        double sumUs = 0;
        for (JsonNode op : ops) {
            assertTrue(op.path("mean_us").asDouble() > 0 && !op.path("node").asText().isEmpty(), op.toString());
            sumUs += op.path("mean_us").asDouble();
        }
        // device time of the kernels fits inside the wall time of an inference
        assertTrue(sumUs <= record.path("summary").path("mean_us").asDouble() * 1.001, sumUs + " vs " + record);
    }
}
