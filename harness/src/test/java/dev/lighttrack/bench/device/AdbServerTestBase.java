package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One isolated adb server per class, and the sd845 profile the virtual devices on it play. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AdbServerTestBase {
    protected AdbTestServer server;
    protected DeviceProfile sd845;

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
}
