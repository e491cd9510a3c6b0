package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real adb server (Debian's adb) on an isolated port, with nothing attached. */
class AdbServerTest {
    private static AdbTestServer server;

    @BeforeAll
    static void startServer() {
        server = AdbTestServer.start();
    }

    @AfterAll
    static void killServer() {
        if (server != null) {
            server.close();
            assertFalse(new AdbServerClient(server.address()).isReachable(), "the test server was killed");
        }
    }

    @Test
    void launcherStartedAServerThatAnswers() {
        AdbServerClient client = new AdbServerClient(server.address());
        assertTrue(client.isReachable());
        assertEquals(41, client.version(), "adb 29.0.6 speaks protocol version 41");
        server.launcher().ensureRunning(server.address()); // a running server is left alone
    }

    @Test
    void discoveryListsZeroDevices() {
        AdbServers servers = AdbServers.prepare(List.of(server.address()), server.launcher(), Map.of());
        DeviceDiscovery discovery = new DeviceDiscovery(servers, new ProfileMatcher(new ProfileLoader().loadDefault()));
        assertEquals(List.of(), discovery.discover());
    }

    @Test
    void theLocalDefaultServerFollowsAndroidAdbServerPort() {
        AdbServers servers = AdbServers.prepare(List.of(), server.launcher(),
                Map.of("ANDROID_ADB_SERVER_PORT", Integer.toString(server.address().port())));
        assertEquals(List.of(server.address()), servers.addresses());
    }

    @Test
    void aShellOnAnUnknownSerialIsACommunicationError() {
        DeviceShell shell = new AdbDeviceShell(server.address(), "no-such-serial");
        DeviceCommunicationException e = assertThrows(DeviceCommunicationException.class,
                () -> shell.run(ShellCommand.of("true")));
        assertTrue(e.getMessage().startsWith("no-such-serial on adb server " + server.address() + ": cannot reach the device"),
                e.getMessage());
    }

    @Test
    void anUnreachableRemoteServerIsNamedAndNeverStarted() {
        AdbServerAddress nowhere = AdbServerAddress.parse("127.0.0.1:1");
        AdbServerLauncher noAdb = new AdbServerLauncher(new AdbBinaryLocator(Optional.of(Path.of("/nonexistent/adb")), Map.of()));
        AdbUnavailableException e = assertThrows(AdbUnavailableException.class,
                () -> AdbServers.prepare(List.of(nowhere), noAdb, Map.of()));
        assertTrue(e.getMessage().startsWith("adb server 127.0.0.1:1 is not reachable ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("(a server given by address, 127.0.0.1:1: bench does not start servers it was pointed at)"),
                e.getMessage());
    }

    @Test
    void aMissingAdbBinaryGivesTheInstallHint() {
        AdbServerAddress down = new AdbServerAddress("localhost", AdbTestServer.freePort());
        AdbServerLauncher launcher = new AdbServerLauncher(new AdbBinaryLocator(Optional.of(Path.of("/nonexistent/adb")), Map.of()));
        AdbUnavailableException e = assertThrows(AdbUnavailableException.class, () -> launcher.ensureRunning(down));
        assertEquals("adb not found at /nonexistent/adb (the configured adb binary); install it with 'sudo apt-get "
                + "install adb' (Debian/Ubuntu), or put Android platform-tools on PATH "
                + "(https://developer.android.com/tools/releases/platform-tools)", e.getMessage());

        AdbServerLauncher noPath = new AdbServerLauncher(new AdbBinaryLocator(Optional.empty(), Map.of("PATH", "/nonexistent")));
        AdbUnavailableException e2 = assertThrows(AdbUnavailableException.class, () -> noPath.ensureRunning(down));
        assertTrue(e2.getMessage().startsWith("adb not found on PATH or in $ANDROID_HOME/platform-tools; install it with "
                + "'sudo apt-get install adb'"), e2.getMessage());
    }

    @Test
    void onlyLoopbackServersCountAsThisMachine() {
        assertTrue(AdbServerLauncher.isLoopback("localhost"));
        assertTrue(AdbServerLauncher.isLoopback("127.0.0.1"));
        assertTrue(AdbServerLauncher.isLoopback("::1"));
        assertFalse(AdbServerLauncher.isLoopback("192.0.2.1"));
        assertFalse(AdbServerLauncher.isLoopback("lab-host.example"), "names are not resolved");
    }
}
