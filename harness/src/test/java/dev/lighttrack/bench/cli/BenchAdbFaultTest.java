package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.AdbDeviceShell;
import dev.lighttrack.bench.device.AdbFilePusher;
import dev.lighttrack.bench.device.AdbServerTestBase;
import dev.lighttrack.bench.device.DeviceCommunicationException;
import dev.lighttrack.bench.device.DeviceLock;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.files.Sha256;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.AdbTarget;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.FixtureAgents;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.session.BenchmarkSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and faults of {@code bench --device ...}: one line, exit code 2, nothing recorded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchAdbFaultTest extends AdbServerTestBase {
    @TempDir
    Path work;

    private Path tinyModel() throws IOException {
        Path model = work.resolve("tiny.onnx");
        Files.writeString(model, "not run by these tests");
        return model;
    }

    private String adb() {
        return "--adb=" + server.address();
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertEquals(2, run.exitCode(), run::toString);
        String line = run.err().strip();
        assertEquals(1, line.lines().count(), "not one line: " + run.err());
        assertFalse(line.contains("\tat "), run.err());
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), "missing '" + fragment + "' in: " + line);
        }
    }

    @Test
    void unknownProfileListsTheProfiles() throws IOException {
        assertOneLineError(CliRun.of("--device", "virtual:sd999", "--model", tinyModel().toString(), adb()),
                "unknown device profile 'sd999'", "sd845", "sd8gen3", "host");
        assertOneLineError(CliRun.of("--device", "sd999", "--model", tinyModel().toString(), adb()),
                "--device 'sd999' is unknown", "sd845, sd855");
    }

    @Test
    void aBackendTheProfileDoesNotOfferListsTheOfferedOnes() throws IOException {
        assertOneLineError(CliRun.of("--device", "host", "--backend", "dsp", "--model", tinyModel().toString()),
                "backend dsp is not offered by profile host; it offers: cpu, gpu");
    }

    @Test
    void noMatchingDeviceSaysWhatIsAttachedAndWhichProfilesExist() throws IOException {
        DeviceProfile sd855 = new ProfileLoader().loadDefault().get("sd855");
        try (VirtualDeviceSession other = VirtualDeviceSession.start(sd855, server.address(), 0)) {
            assertOneLineError(CliRun.of("--device", "sd845", "--model", tinyModel().toString(), adb(),
                    "--results", work.resolve("runs").toString()),
                    "no attached device matches profile sd845", "attached: " + other.serial(), "profile sd855");
        }
        assertFalse(Files.exists(work.resolve("runs")));
    }

    @Test
    void virtualPortsInTheEmulatorRangeAreRefused() {
        assertOneLineError(CliRun.of("virtual-device", "--profile", "sd845", "--port", "5555"),
                "--port 5555 is in 5555-5585");
    }

    @Test
    void withoutAnAdbBinaryTheErrorSaysHowToInstallIt() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        // a child JVM, so the environment can lack adb: PATH without it and an adb server port nothing listens on
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"),
                BenchMain.class.getName(), "--device", "sd845", "--model", tinyModel().toString());
        pb.environment().clear();
        pb.environment().put("PATH", "/nonexistent");
        pb.environment().put("ANDROID_ADB_SERVER_PORT", Integer.toString(freePort));
        Process process = pb.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), err);
        assertTrue(err.contains("adb not found on PATH or in $ANDROID_HOME/platform-tools; install it with "
                + "'sudo apt-get install adb'"), err);
    }

    @Test
    void aDeviceGoneMidRunIsAnErrorNamingItAndNothingIsRecorded() throws Exception {
        Path model = tinyModel();
        BenchModel bench = new BenchModel(model, "tiny", null, Sha256.of(model), null, null, null);
        Path runs = work.resolve("runs");
        BenchmarkSession session = new BenchmarkSession(new RunStore(runs), m -> { }, RunRecord.Origin.bench(null));
        VirtualDeviceSession device = VirtualDeviceSession.start(sd845, server.address(), 0);
        Path started = device.sandbox().resolve("data/local/tmp/ltbench/hang.started");
        Thread unplug = new Thread(() -> {
            try {
                while (!Files.exists(started)) {
                    Thread.sleep(50);
                }
                device.unplug();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        unplug.start();
        TargetInfo info = new TargetInfo(device.serial(), "sd845", "virtual", "SDM845", VirtualDeviceSession.hostAbi(),
                true, server.address().toString());
        AdbDeviceShell shell = new AdbDeviceShell(server.address(), device.serial());
        try (AdbTarget target = new AdbTarget(info, sd845, shell, new AdbFilePusher(server.address(), device.serial()),
                FixtureAgents.with(work.resolve("agent"), FixtureAgents.HANG), new DeviceLock(shell, device.serial()),
                device)) {
            DeviceCommunicationException gone = assertThrows(DeviceCommunicationException.class,
                    () -> session.run(target, bench, new RunSettings("cpu", "fp32", 0, 10, 0, 1, null, 0)));
            assertTrue(gone.getMessage().startsWith("lost " + device.serial() + " during the run"), gone.getMessage());
            assertTrue(gone.getMessage().contains("nothing was recorded"), gone.getMessage());
        }
        unplug.join();
        if (Files.exists(runs)) {
            try (Stream<Path> files = Files.list(runs)) {
                assertEquals(List.of(), files.toList());
            }
        }
    }
}
