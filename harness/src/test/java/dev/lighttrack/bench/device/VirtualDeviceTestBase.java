package dev.lighttrack.bench.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One isolated adb server per class and a fresh virtual sd845, connected through it, per test. */
public abstract class VirtualDeviceTestBase extends AdbServerTestBase {
    protected VirtualDeviceSession device;

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
