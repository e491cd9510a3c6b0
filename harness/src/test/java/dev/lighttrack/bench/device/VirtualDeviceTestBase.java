package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One isolated adb server per class and a fresh virtual sd845, connected through it, per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VirtualDeviceTestBase {
    protected AdbTestServer server;
    protected DeviceProfile sd845;
    protected VirtualDeviceSession device;

    @BeforeAll
    void startServer() {
        server = AdbTestServer.start();
        sd845 = new ProfileLoader().loadDefault().get("sd845");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startDevice() {
        device = VirtualDeviceSession.start(sd845, server.address(), 0);
    }

    @AfterEach
    void stopDevice() {
        device.close();
    }

    protected AdbDeviceShell shell() {
        return new AdbDeviceShell(server.address(), device.serial());
    }
}
