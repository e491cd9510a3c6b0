package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.OpTiming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.device.AdbDeviceShell;
import dev.lighttrack.bench.device.AdbFilePusher;
import dev.lighttrack.bench.device.DeviceLock;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.VirtualDeviceTestBase;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import dev.lighttrack.bench.files.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** AdbTarget against a virtual device through the real adb server, with fixture agents (protocol, not timing). */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AdbTargetTest extends VirtualDeviceTestBase {
    private static final RunSettings SETTINGS = new RunSettings("cpu", "fp32", 2, 3, 0, 1, "4-7", 0);

    @TempDir
    Path work;

    private AdbTarget target(AgentBinaries agents) {
        TargetInfo info = new TargetInfo(device.serial(), "sd845", device.config().productModel(), "SDM845",
                VirtualDeviceSession.hostAbi(), true, server.address().toString());
        AdbDeviceShell shell = shell();
        return new AdbTarget(info, sd845, shell, new AdbFilePusher(server.address(), device.serial()), agents,
                new DeviceLock(shell, device.serial()), null);
    }

    private BenchModel model(String fileName, String content) throws Exception {
        Path file = work.resolve(fileName);
        Files.writeString(file, content);
        return new BenchModel(file, fileName, null, Sha256.of(file), null, null, null);
    }

    private Path deployDir() {
        return device.sandbox().resolve("data/local/tmp/ltbench");
    }

    @Test
    void runStreamsHeaderSamplesAndOpsWithQuotedArgumentsAndBigCores() throws Exception {
        BenchModel model = model("m.onnx", "model one");
        RawRun raw;
        try (AdbTarget target = target(FixtureAgents.with(work.resolve("agent"), FixtureAgents.OK))) {
            target.awaitCool(RunProgress.SILENT);
            raw = target.run(model, SETTINGS, RunProgress.SILENT);
            TargetConditions conditions = target.conditions();
            assertEquals(38.0, conditions.temperaturesC().get("cpu-gold"), conditions::toString);
            assertEquals(2803200L, conditions.clocksKhz().get("cpu4"), conditions::toString);
        }
        assertArrayEquals(new long[] {1_000_000, 2_000_000, 3_000_000}, raw.samplesNs());
        assertEquals("fixture-1", raw.runnerVersion());
        assertEquals("xnnpack", raw.engine());
        assertEquals(model.sha256(), raw.modelSha256());
        assertEquals(List.of(new OpTiming("conv_0", "Conv", 500_000)), raw.ops());
        List<String> args = Files.readAllLines(deployDir().resolve("last-args"));
        assertEquals("--model", args.get(0));
        assertTrue(args.get(1).endsWith("/ltbench/model-" + model.sha256() + ".onnx"), args::toString);
        assertEquals(List.of("--backend", "cpu", "--precision", "fp32", "--warmup", "2", "--iterations", "3",
                "--min-seconds", "0", "--threads", "1", "--cpus", "4-7"), args.subList(2, args.size()));
        assertFalse(Files.exists(deployDir().resolve("lock")), "the device lock was not released at close");
    }

    @Test
    void aModelNamedLikeAShellInjectionRunsAndCreatesNothing() throws Exception {
        BenchModel model = model("a b;touch pwned'.onnx", "awkward");
        try (AdbTarget target = target(FixtureAgents.with(work.resolve("agent"), FixtureAgents.OK))) {
            assertEquals(3, target.run(model, SETTINGS, RunProgress.SILENT).samplesNs().length);
        }
        for (Path root : List.of(device.sandbox(), work, Path.of("").toAbsolutePath())) {
            try (Stream<Path> files = Files.walk(root)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().equals("pwned")).toList(),
                        "a file named pwned appeared under " + root);
            }
        }
    }

    @Test
    void theAgentsErrorRecordIsTheError() throws Exception {
        BenchModel model = model("m.onnx", "model");
        try (AdbTarget target = target(FixtureAgents.with(work.resolve("agent"), FixtureAgents.ERROR))) {
            RunnerError error = assertThrows(RunnerError.class, () -> target.run(model, SETTINGS, RunProgress.SILENT));
            assertEquals("unsupported", error.code());
            // named as the user knows the model, not by its content-addressed path on the device
            assertTrue(error.getMessage().contains("ltrunner on " + device.serial() + " failed on m.onnx: "),
                    error.getMessage());
            assertTrue(error.getMessage().contains("op LSTM (node lstm_0) is not supported by the cpu backend"),
                    error.getMessage());
        }
    }

    @Test
    void anAgentThatDiesWithoutARecordIsAnErrorWithItsExitCodeAndStderr() throws Exception {
        BenchModel model = model("m.onnx", "model");
        try (AdbTarget target = target(FixtureAgents.with(work.resolve("agent"), FixtureAgents.CRASH))) {
            RunnerError error = assertThrows(RunnerError.class, () -> target.run(model, SETTINGS, RunProgress.SILENT));
            assertTrue(error.getMessage().contains("exit code 139"), error.getMessage());
            assertTrue(error.getMessage().contains("Segmentation fault"), error.getMessage());
        }
    }

    @Test
    void batchRunsEveryModelOfTheManifestInOrder() throws Exception {
        List<BenchModel> models = List.of(model("a.onnx", "first"), model("b.onnx", "second"));
        List<String> seen = new ArrayList<>();
        try (AdbTarget target = target(FixtureAgents.with(work.resolve("agent"), FixtureAgents.OK))) {
            target.runBatch(models, SETTINGS, RunProgress.SILENT, (m, raw) -> {
                assertEquals(m.sha256(), raw.modelSha256());
                seen.add(m.name());
            });
        }
        assertEquals(List.of("a.onnx", "b.onnx"), seen);
    }

    @Test
    void theRealAgentRunsAManifestBatchOnTheVirtualDevice() {
        AgentBinaries real = AgentBinaries.fromClasspath();
        assertTrue(real.available().contains(VirtualDeviceSession.hostAbi()),
                "the ltrunner agent is not built (native module)");
        ModelResolver resolver = new ModelResolver(work.resolve("models"));
        List<BenchModel> models = List.of(resolver.fromArch("lighttrack-mobile", 128, 0),
                resolver.fromArch("lighttrack-mobile", 128, 1));
        List<RawRun> runs = new ArrayList<>();
        try (AdbTarget target = target(real)) {
            target.runBatch(models, new RunSettings("cpu", "fp32", 1, 3, 0, 1, null, 0), RunProgress.SILENT,
                    (m, raw) -> runs.add(raw));
        }
        assertEquals(2, runs.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(models.get(i).sha256(), runs.get(i).modelSha256());
            assertEquals(3, runs.get(i).samplesNs().length);
            assertTrue(runs.get(i).engine().startsWith("xnnpack"), runs.get(i).engine());
        }
    }

    @Test
    void twoTargetsOnOneDeviceMeasureOneAfterTheOther() throws Exception {
        AgentBinaries agents = FixtureAgents.with(work.resolve("agent"), FixtureAgents.OK);
        BenchModel model = model("m.onnx", "model");
        RunSettings slow = new RunSettings("cpu", "fp32", 0, 3, 0, 1, null, 1); // the fixture sleeps --delay-ms seconds
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RawRun>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try (AdbTarget target = target(agents)) {
                        target.awaitCool(progress::add);
                        return target.run(model, slow, progress::add);
                    }
                }));
            }
            for (Future<RawRun> run : runs) {
                assertEquals(3, run.get(60, TimeUnit.SECONDS).samplesNs().length);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> log = Files.readAllLines(deployDir().resolve("runs.log")).stream()
                .map(line -> line.split(" ")[0]).toList();
        assertEquals(List.of("start", "end", "start", "end"), log, "the two runs overlapped");
        assertTrue(progress.stream().anyMatch(m -> m.contains("is in use by process " + ProcessHandle.current().pid())),
                progress::toString);
    }
}
