package dev.lighttrack.bench.agents.virtualdevice;

import static dev.lighttrack.bench.agents.virtualdevice.TestProfiles.shellQuote;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dadb.AdbShellPacket;
import dadb.AdbShellResponse;
import dadb.AdbShellStream;
import dadb.Dadb;
import dadb.SyncResult;
import dadb.adbserver.AdbServer;
import dev.lighttrack.bench.agents.virtualdevice.AdbServerFixture.AdbResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual device driven by the real adb binary and by dadb through one isolated adb server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VirtualDeviceAdbServerTest {

    @TempDir
    static Path work;

    private AdbServerFixture server;
    private VirtualDevice device;
    private AdbResult connectResult;
    private Dadb dadb;

    @BeforeAll
    void startServerAndDevice() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        server = AdbServerFixture.start(home);
        device = VirtualDevice.start(TestProfiles.sd845(work.resolve("sandbox")));
        connectResult = server.adb("connect", device.serial());
        dadb = AdbServer.createDadb("127.0.0.1", server.port(), "host:transport:" + device.serial(), 5_000, 30_000);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (dadb != null) {
                dadb.close();
            }
            if (device != null && server != null) {
                server.adb("disconnect", device.serial());
            }
        } finally {
            if (device != null) {
                device.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    // ---- the adb binary ----

    @Test
    void adbConnectReportsConnected() {
        assertTrue(connectResult.stdout().contains("connected to " + device.serial()), connectResult::toString);
    }

    @Test
    void aSecondDeviceConnectsThroughTheServersHostService() throws Exception {
        try (VirtualDevice second = VirtualDevice.start(TestProfiles.sd845(work.resolve("second")))) {
            String connected = server.hostService("host:connect:" + second.serial());
            assertEquals("connected to " + second.serial(), connected);
            try (Dadb secondDadb = AdbServer.createDadb("127.0.0.1", server.port(), "host:transport:" + second.serial(),
                    5_000, 30_000)) {
                assertEquals("second\n", secondDadb.shell("echo second").getOutput());
            } finally {
                server.hostService("host:disconnect:" + second.serial());
            }
        }
        AdbResult devices = server.adb("devices");
        assertTrue(devices.stdout().contains(device.serial()), devices::toString);
        assertEquals(1, devices.stdout().lines().filter(l -> l.startsWith("127.0.0.1:")).count(), devices::toString);
    }

    @Test
    void adbDevicesListsBannerProperties() throws Exception {
        AdbResult devices = server.adb("devices", "-l");
        String line = devices.stdout().lines().filter(l -> l.startsWith(device.serial())).findFirst().orElse("");
        assertTrue(line.matches(".*\\sdevice\\s.*"), devices::toString);
        assertTrue(line.contains("product:" + TestProfiles.PRODUCT), devices::toString);
        assertTrue(line.contains("model:" + TestProfiles.MODEL), devices::toString);
        assertTrue(line.contains("device:" + TestProfiles.DEVICE), devices::toString);
    }

    @Test
    void shellV2RunsCommandAndExitsZero() throws Exception {
        AdbResult result = shell("echo hi");
        assertEquals("hi\n", result.stdout(), result::toString);
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void shellV2ReturnsExitStatus() throws Exception {
        AdbResult result = shell("exit 3");
        assertEquals(3, result.exitCode(), result::toString);
    }

    @Test
    void shellV2SeparatesStderr() throws Exception {
        AdbResult result = shell("echo out; echo err >&2");
        assertEquals("out\n", result.stdout(), result::toString);
        assertEquals("err\n", result.stderr(), result::toString);
    }

    @Test
    void legacyShellMergesOutput() throws Exception {
        AdbResult result = server.adb("-s", device.serial(), "shell", "-x", "echo hi; echo err >&2");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("hi", "err"), result.stdout().lines().toList(), result::toString);
    }

    @Test
    void ptyRequestIsServedLikeRaw() throws Exception {
        AdbResult result = server.adb("-s", device.serial(), "shell", "-tt", "echo hi; exit 4");
        assertEquals("hi\n", result.stdout(), result::toString);
        assertEquals(4, result.exitCode(), result::toString);
    }

    @Test
    void pipesRedirectionAndAndAnd() throws Exception {
        AdbResult result = shell("echo a > /data/local/tmp/f && cat /data/local/tmp/f | wc -c");
        assertEquals("2", result.stdout().strip(), result::toString);
        assertEquals("a\n", Files.readString(sandboxFile("/data/local/tmp/f")));
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        Path input = Files.writeString(work.resolve("stdin.txt"), "hello\n");
        AdbResult result = server.adbWithInput(input, "-s", device.serial(), "shell", "cat | tr a-z A-Z");
        assertEquals("HELLO\n", result.stdout(), result::toString);
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void pushAndPullThreeMegabytesByteForByte() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 42);
        Path local = Files.write(work.resolve("big.bin"), content);
        AdbResult push = server.adb("-s", device.serial(), "push", local.toString(), "/data/local/tmp/big.bin");
        assertEquals(0, push.exitCode(), push::toString);
        assertArrayEquals(content, Files.readAllBytes(sandboxFile("/data/local/tmp/big.bin")));

        Path pulled = work.resolve("pulled.bin");
        AdbResult pull = server.adb("-s", device.serial(), "pull", "/data/local/tmp/big.bin", pulled.toString());
        assertEquals(0, pull.exitCode(), pull::toString);
        assertArrayEquals(content, Files.readAllBytes(pulled));
    }

    @Test
    void pushCreatesParentsKeepsModeAndAppendsNameForDirectories() throws Exception {
        Path local = Files.writeString(work.resolve("tool.sh"), "#!/bin/sh\necho tool ran\n");
        Files.setPosixFilePermissions(local, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        AdbResult nested = server.adb("-s", device.serial(), "push", local.toString(), "/data/local/tmp/a/b/c/tool.sh");
        assertEquals(0, nested.exitCode(), nested::toString);
        assertTrue(Files.getPosixFilePermissions(sandboxFile("/data/local/tmp/a/b/c/tool.sh"))
                .contains(PosixFilePermission.OWNER_EXECUTE), "pushed mode 0755 was not applied");
        AdbResult ran = shell("/data/local/tmp/a/b/c/tool.sh");
        assertEquals("tool ran\n", ran.stdout(), ran::toString);

        AdbResult intoDirectory = server.adb("-s", device.serial(), "push", local.toString(), "/data/local/tmp/a/");
        assertEquals(0, intoDirectory.exitCode(), intoDirectory::toString);
        assertTrue(Files.exists(sandboxFile("/data/local/tmp/a/tool.sh")), intoDirectory::toString);
    }

    @Test
    void pullOfDirectoryUsesListing() throws Exception {
        shell("mkdir -p /data/local/tmp/tree/sub && echo 1 > /data/local/tmp/tree/one && echo 2 > /data/local/tmp/tree/sub/two");
        Path target = work.resolve("tree-copy");
        AdbResult pull = server.adb("-s", device.serial(), "pull", "/data/local/tmp/tree", target.toString());
        assertEquals(0, pull.exitCode(), pull::toString);
        assertEquals("1\n", Files.readString(target.resolve("one")), pull::toString);
        assertEquals("2\n", Files.readString(target.resolve("sub/two")), pull::toString);
    }

    @Test
    void pullOfMissingFileFailsCleanly() throws Exception {
        AdbResult pull = server.adb("-s", device.serial(), "pull", "/data/local/tmp/no-such-file", work.resolve("x").toString());
        assertNotEquals(0, pull.exitCode(), pull::toString);
        assertTrue(pull.output().contains("No such file or directory"), pull::toString);
        assertFalse(Files.exists(work.resolve("x")), pull::toString);
    }

    @Test
    void pushOutsideDataLocalTmpIsRefused() throws Exception {
        Path local = Files.writeString(work.resolve("small.txt"), "x");
        AdbResult push = server.adb("-s", device.serial(), "push", local.toString(), "/system/small.txt");
        assertNotEquals(0, push.exitCode(), push::toString);
        assertTrue(push.output().contains("Read-only file system"), push::toString);
    }

    @Test
    void getpropReportsConfiguredProperties() throws Exception {
        assertEquals("sdm845\n", shell("getprop ro.board.platform").stdout());
        assertEquals(TestProfiles.hostAbi() + "\n", shell("getprop ro.product.cpu.abi").stdout());
        assertEquals("\n", shell("getprop no.such.property").stdout());
        AdbResult all = shell("getprop");
        assertTrue(all.stdout().contains("[ro.board.platform]: [sdm845]\n"), all::toString);
        assertTrue(all.stdout().contains("[ro.product.model]: [" + TestProfiles.MODEL + "]\n"), all::toString);
    }

    @Test
    void sysfsNodesReadLikeOnThePhone() throws Exception {
        AdbResult temp = shell("cat /sys/class/thermal/thermal_zone0/temp");
        assertEquals("41000\n", temp.stdout(), temp::toString);
        AdbResult freq = shell("cat /sys/devices/system/cpu/cpu4/cpufreq/scaling_cur_freq");
        assertEquals("2803200\n", freq.stdout(), freq::toString);
        AdbResult missing = shell("cat /sys/devices/system/cpu/online");
        assertNotEquals(0, missing.exitCode(), "a node the profile lacks must fail like a missing file: " + missing);
    }

    @Test
    void filesWrittenOnTheDeviceStayInTheSandbox() throws Exception {
        String name = "marker-" + UUID.randomUUID();
        AdbResult result = shell("echo x > /data/local/tmp/" + name);
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.exists(sandboxFile("/data/local/tmp/" + name)), result::toString);
        assertFalse(Files.exists(Path.of("/data/local/tmp", name)), "the write escaped into the host's /data");
    }

    @Test
    void interactiveShellIsRefusedClearly() throws Exception {
        AdbResult result = server.adb("-s", device.serial(), "shell");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("interactive shells are not supported"), result::toString);
    }

    // ---- dadb through the same adb server ----

    @Test
    void dadbShellReturnsOutputErrorAndExitCode() throws Exception {
        DadbAssert.shell(dadb, "echo out; echo err >&2; exit 7", "out\n", "err\n", 7);
        DadbAssert.shell(dadb, "true", "", "", 0);
    }

    @Test
    void dadbPushAndPullRoundTrip() throws Exception {
        byte[] content = randomBytes(1_500_000, 7);
        Path local = Files.write(work.resolve("dadb.bin"), content);
        long mtime = 1_600_000_000_000L;
        SyncResult push = dadb.push(local.toFile(), "/data/local/tmp/ltbench/dadb.bin", 0100755, mtime);
        assertInstanceOf(SyncResult.Success.class, push, push::toString);
        Path onDevice = sandboxFile("/data/local/tmp/ltbench/dadb.bin");
        assertArrayEquals(content, Files.readAllBytes(onDevice));
        assertEquals(mtime, Files.getLastModifiedTime(onDevice).toMillis());
        assertTrue(Files.isExecutable(onDevice), "mode 0755 was not applied");

        Path pulled = work.resolve("dadb-pulled.bin");
        SyncResult pull = dadb.pull(pulled.toFile(), "/data/local/tmp/ltbench/dadb.bin");
        assertInstanceOf(SyncResult.Success.class, pull, pull::toString);
        assertArrayEquals(content, Files.readAllBytes(pulled));
    }

    @Test
    void dadbPullOfMissingFileIsAFailure() throws Exception {
        SyncResult pull = dadb.pull(work.resolve("none.bin").toFile(), "/data/local/tmp/none.bin");
        SyncResult.Failure failure = assertInstanceOf(SyncResult.Failure.class, pull);
        assertTrue(failure.getReason().contains("No such file or directory"), failure.getReason());
    }

    @Test
    void dadbShellOutputStreamsBeforeTheCommandEnds() throws Exception {
        try (AdbShellStream shell = dadb.openShell("echo first; sleep 2; echo second")) {
            AdbShellPacket first = shell.read();
            long firstAt = System.nanoTime();
            assertInstanceOf(AdbShellPacket.StdOut.class, first);
            assertEquals("first\n", new String(first.getPayload(), StandardCharsets.UTF_8));
            AdbShellPacket packet;
            do {
                packet = shell.read();
            } while (!(packet instanceof AdbShellPacket.Exit));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstAt);
            assertTrue(waitedMs >= 1500, "the first line arrived only " + waitedMs + " ms before the exit");
            assertEquals(0, packet.getPayload()[0]);
        }
    }

    @Test
    void dadbStdinFramesReachTheCommand() throws Exception {
        try (AdbShellStream shell = dadb.openShell("tr a-z A-Z")) {
            shell.write("hello\n");
            shell.write(ShellPacket.ID_CLOSE_STDIN, new byte[0]);
            AdbShellResponse response = shell.readAll();
            assertEquals("HELLO\n", response.getOutput());
            assertEquals(0, response.getExitCode());
        }
    }

    @Test
    void closingTheShellStreamKillsTheCommand() throws Exception {
        long pid;
        try (AdbShellStream shell = dadb.openShell("echo $$; exec sleep 30")) {
            AdbShellPacket packet = shell.read();
            pid = Long.parseLong(new String(packet.getPayload(), StandardCharsets.UTF_8).strip());
            assertTrue(isAlive(pid), "the command should still be running");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isAlive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(pid), "process " + pid + " survived the client closing its stream");
    }

    @Test
    void awkwardFileNamesSurviveQuoting() throws Exception {
        String name = "a b;touch pwned'.onnx";
        String dir = "/data/local/tmp/quoting";
        String path = dir + "/" + name;
        AdbShellResponse made = dadb.shell("mkdir -p " + dir + " && cd " + dir + " && echo model > " + shellQuote(path)
                + " && cat " + shellQuote(path));
        assertEquals(0, made.getExitCode(), made.getAllOutput());
        assertEquals("model\n", made.getOutput());
        try (Stream<Path> files = Files.list(sandboxFile(dir))) {
            assertEquals(List.of(name), files.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> everything = Files.walk(device.sandboxRoot())) {
            assertEquals(Optional.empty(), everything.filter(p -> p.getFileName().toString().equals("pwned")).findAny());
        }

        Path local = Files.writeString(work.resolve("quoted.txt"), "pushed\n");
        SyncResult push = dadb.push(local.toFile(), path, 0100644, System.currentTimeMillis());
        assertInstanceOf(SyncResult.Success.class, push, push::toString);
        assertEquals("pushed\n", dadb.shell("cat " + shellQuote(path)).getOutput());
    }

    @Test
    void unknownServicesAreRefused() {
        assertThrows(IOException.class, () -> dadb.open("framebuffer:").close());
        assertEquals(0, assertDoesNotThrowShell("true"), "the device must stay usable after a refusal");
    }

    @Test
    void dadbEmptyCommandIsRefusedAsInteractive() throws Exception {
        AdbShellResponse response = dadb.shell("");
        assertEquals(1, response.getExitCode());
        assertTrue(response.getErrorOutput().contains("interactive shells are not supported"), response.getAllOutput());
    }

    private int assertDoesNotThrowShell(String command) {
        try {
            return dadb.shell(command).getExitCode();
        } catch (IOException e) {
            throw new AssertionError("dadb shell '" + command + "' failed: " + e, e);
        }
    }

    private AdbResult shell(String commandLine) throws Exception {
        return server.adb("-s", device.serial(), "shell", commandLine);
    }

    private Path sandboxFile(String devicePath) {
        return device.sandboxRoot().resolve(devicePath.substring(1));
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
