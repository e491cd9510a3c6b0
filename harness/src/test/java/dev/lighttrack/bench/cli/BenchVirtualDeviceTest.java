package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.AdbServerClient;
import dev.lighttrack.bench.device.AdbTestServer;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main command end to end: {@code bench --device virtual:sd845} with the real agent, the real adb server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BenchVirtualDeviceTest {
    private AdbTestServer server;

    @TempDir
    Path work;

    @BeforeAll
    void startServer() {
        server = AdbTestServer.start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean agentBuilt() {
        return BenchVirtualDeviceTest.class.getClassLoader()
                .getResource("agents/" + VirtualDeviceSession.hostAbi() + "/ltrunner") != null;
    }

    private static RunRecord onlyRecord(Path runs) throws Exception {
        List<Path> records;
        try (Stream<Path> files = Files.list(runs)) {
            records = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertEquals(1, records.size(), records::toString);
        return RunRecordJson.read(records.get(0));
    }

    @Test
    void benchOnAVirtualArm64Sd845PushesTheArm64BundleAndRunsItUnderEmulation() throws Exception {
        Path runs = work.resolve("runs-arm64");
        CliRun run = CliRun.of("--device", "virtual:sd845:arm64", "--backend", "cpu", "--search-size", "64",
                "--warmup", "1", "--iterations", "2", "--min-seconds", "0", "--adb=" + server.address(),
                "--results", runs.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("reports arm64-v8a and runs the arm64-v8a agent on this host under qemu-user"),
                run.err());
        assertTrue(run.err().contains("deployed 11 file(s)"), run.err());
        assertTrue(run.out().contains("timings are emulated"), run.out());
        RunRecord record = onlyRecord(runs);
        assertTrue(record.device().virtual());
        assertEquals("arm64-v8a", record.device().abi());
        assertTrue(record.note().contains("qemu-user emulation"), record.note());
        assertEquals(2, record.summary().samples());

        CliRun gpu = CliRun.of("--device", "virtual:sd845:arm64", "--backend", "gpu", "--search-size", "64",
                "--iterations", "1", "--adb=" + server.address(), "--results", runs.toString());
        assertEquals(2, gpu.exitCode(), gpu::toString);
        assertTrue(gpu.err().contains("glibc bundle, which has the cpu backend only"), gpu.err());
        assertEquals(List.of(), new AdbServerClient(server.address()).devices());
    }

    @Test
    void benchOnAVirtualSd845WritesARecordMarkedVirtualAndDisconnectsIt() throws Exception {
        assertTrue(agentBuilt(), "the ltrunner agent is not built (native module)");
        Path runs = work.resolve("runs");
        CliRun run = CliRun.of("--device", "virtual:sd845", "--backend", "cpu", "--warmup", "2", "--iterations", "20",
                "--min-seconds", "0", "--adb=" + server.address(), "--results", runs.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("timings are of this host, not of the SDM845"), run.out());
        assertTrue(run.err().contains("timings are of this host"), run.err());

        RunRecord record = onlyRecord(runs);
        assertTrue(record.device().virtual());
        assertEquals("sd845", record.device().profile());
        assertEquals(VirtualDeviceSession.hostAbi(), record.device().abi());
        assertEquals("cpu", record.backend());
        assertTrue(record.runner().engine().startsWith("xnnpack"), record.runner().engine());
        assertTrue(record.summary().samples() >= 20, () -> "samples: " + record.summary().samples());
        assertTrue(record.summary().p50Us() > 0);
        assertEquals(38.0, record.before().temperaturesC().get("cpu-gold"));
        assertTrue(Files.exists(runs.resolve(record.histogramFile())), record.histogramFile());
        // the virtual device was disconnected and stopped
        assertEquals(List.of(), new AdbServerClient(server.address()).devices());
    }

    @Test
    void twoBenchProcessesOnOneDeviceTakeTurns() throws Exception {
        assertTrue(agentBuilt(), "the ltrunner agent is not built (native module)");
        CliRun export = CliRun.of("arch", "export", "--arch", "lighttrack-mobile", "--search-size", "128", "--out",
                work.resolve("small.onnx").toString());
        assertEquals(0, export.exitCode(), export::toString);
        DeviceProfile sd845 = new ProfileLoader().loadDefault().get("sd845");
        try (VirtualDeviceSession device = VirtualDeviceSession.start(sd845, server.address(), 0)) {
            List<Process> benches = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String java = ProcessHandle.current().info().command().orElse("java");
                ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                        "--device", "sd845", "--serial", device.serial(), "--adb=" + server.address(),
                        "--model", work.resolve("small.onnx").toString(), "--warmup", "1", "--iterations", "5",
                        "--min-seconds", "3", "--results", work.resolve("runs").toString());
                pb.redirectErrorStream(true);
                pb.redirectOutput(work.resolve("bench-" + i + ".log").toFile());
                benches.add(pb.start());
            }
            for (Process bench : benches) {
                assertTrue(bench.waitFor(240, TimeUnit.SECONDS), "bench did not finish");
            }
            String logs = Files.readString(work.resolve("bench-0.log")) + Files.readString(work.resolve("bench-1.log"));
            assertEquals(0, benches.get(0).exitValue(), logs);
            assertEquals(0, benches.get(1).exitValue(), logs);
            assertTrue(logs.contains(device.serial() + " is in use by process"), logs);
            assertTrue(Files.notExists(device.sandbox().resolve("data/local/tmp/ltbench/lock")), "lock left behind");
        }
    }

    @Test
    void aModelNamedLikeAShellInjectionBenchmarksFineAndCreatesNothing() throws Exception {
        assertTrue(agentBuilt(), "the ltrunner agent is not built (native module)");
        Path runs = work.resolve("runs");
        CliRun export = CliRun.of("arch", "export", "--arch", "lighttrack-mobile", "--out", work.resolve("m.onnx").toString());
        assertEquals(0, export.exitCode(), export::toString);
        Path awkward = Files.move(work.resolve("m.onnx"), work.resolve("a b;touch pwned'.onnx"));
        CliRun run = CliRun.of("--device", "virtual:sd845", "--model", awkward.toString(), "--iterations", "5",
                "--warmup", "1", "--min-seconds", "0", "--adb=" + server.address(), "--results", runs.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"virtual\" : true") || run.out().contains("\"virtual\":true"), run.out());
        for (Path root : List.of(work, Path.of("").toAbsolutePath())) {
            try (Stream<Path> files = Files.walk(root)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().equals("pwned")).toList());
            }
        }
    }
}
