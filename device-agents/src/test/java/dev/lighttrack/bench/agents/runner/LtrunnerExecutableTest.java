package dev.lighttrack.bench.agents.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.agents.protocol.RunnerEvent;
import dev.lighttrack.bench.agents.protocol.RunnerLineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent executable bundled in this jar, run as a device would run it; its stdout parsed as the host does. */
class LtrunnerExecutableTest {
    @TempDir
    Path dir;

    private Path agent() throws IOException {
        Path exe = TestModels.copy("/agents/x86_64/ltrunner", dir.resolve("ltrunner"));
        assertTrue(exe.toFile().setExecutable(true));
        return exe;
    }

    private record Run(int exit, List<RunnerEvent> events) {
    }

    private Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(agent().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        RunnerLineParser parser = new RunnerLineParser();
        List<RunnerEvent> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                events.add(parser.parse(line));
            }
        }
        return new Run(p.exitValue(), events);
    }

    @Test
    void aRunPrintsHeaderSamplesAndSummary() throws Exception {
        Path model = TestModels.convBnSe(dir);
        Run r = run("--model", model.toString(), "--backend", "cpu", "--warmup", "2", "--iterations", "30",
                "--batch-size", "8", "--threads", "2");
        assertEquals(0, r.exit());
        RunnerEvent.Header h = assertInstanceOf(RunnerEvent.Header.class, r.events().get(0));
        assertEquals(1, h.protocolVersion());
        assertEquals("cpu", h.backend());
        assertEquals(64, h.modelSha256().length());
        assertEquals(2, ((Number) h.fields().get("threads")).intValue());
        int samples = 0;
        for (RunnerEvent e : r.events().subList(1, r.events().size() - 1)) {
            samples += assertInstanceOf(RunnerEvent.Samples.class, e).ns().length;
        }
        assertEquals(30, samples);
        assertEquals(1 + 4 + 1, r.events().size(), "30 samples in lines of 8");
        RunnerEvent.Summary s = assertInstanceOf(RunnerEvent.Summary.class, r.events().get(r.events().size() - 1));
        assertEquals(30, ((Number) s.fields().get("iterations")).intValue());
        assertTrue(s.firstInferenceNs() > 0);
    }

    @Test
    void aManifestRunsEachModelAsItsOwnGroup() throws Exception {
        Path model = TestModels.convBnSe(dir);
        Path manifest = Files.writeString(dir.resolve("models.txt"), "# lut batch\n" + model + "\n\n" + model + "\n");
        Run r = run("--manifest", manifest.toString(), "--backend", "cpu", "--iterations", "3", "--warmup", "0");
        assertEquals(0, r.exit());
        long headers = r.events().stream().filter(e -> e instanceof RunnerEvent.Header).count();
        long summaries = r.events().stream().filter(e -> e instanceof RunnerEvent.Summary).count();
        assertEquals(2, headers);
        assertEquals(2, summaries);
        assertTrue(r.events().stream().allMatch(e -> model.toString().equals(e.model())));
    }

    @Test
    void badInputEndsWithOneErrorRecordAndItsExitCode() throws Exception {
        Run missing = run("--model", dir.resolve("missing.onnx").toString(), "--backend", "cpu");
        assertEquals(3, missing.exit());
        assertEquals(1, missing.events().size());
        RunnerEvent.Error e = assertInstanceOf(RunnerEvent.Error.class, missing.events().get(0));
        assertEquals("model", e.code());
        assertTrue(e.message().contains("missing.onnx"), e.message());

        Run cpus = run("--model", TestModels.convBnSe(dir).toString(), "--backend", "cpu", "--cpus", "0-");
        assertEquals(2, cpus.exit());
        assertEquals("usage", assertInstanceOf(RunnerEvent.Error.class, cpus.events().get(0)).code());
    }
}
