package dev.lighttrack.bench.device;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real adb server of this machine on an isolated port (15101 or the next free one; never 5037), started
 * through {@link AdbServerLauncher} and killed after the tests.
 */
public final class AdbTestServer implements AutoCloseable {
    public static final Path ADB = Path.of("/usr/bin/adb");

    private final AdbServerAddress address;
    private final AdbServerLauncher launcher;

    private AdbTestServer(AdbServerAddress address, AdbServerLauncher launcher) {
        this.address = address;
        this.launcher = launcher;
    }

    /** Starts a server; skips the calling test when Debian's adb is not installed. */
    public static AdbTestServer start() {
        Assumptions.assumeTrue(Files.isExecutable(ADB), "adb is not installed (apt-get install adb)");
        AdbServerAddress address = new AdbServerAddress("localhost", freePort());
        AdbServerLauncher launcher = new AdbServerLauncher(new AdbBinaryLocator(Optional.of(ADB), Map.of()));
        launcher.ensureRunning(address);
        return new AdbTestServer(address, launcher);
    }

    public AdbServerAddress address() {
        return address;
    }

    public AdbServerLauncher launcher() {
        return launcher;
    }

    @Override
    public void close() {
        launcher.killServer(address);
    }

    /** A port nothing listens on, from 15101 up; other engineers' tests may hold some of them. */
    static int freePort() {
        for (int port = 15101; port < 15200; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 15101..15199 for a test adb server");
    }
}
