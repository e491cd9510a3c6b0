package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.file.Path;

/** A virtual device in a JVM of its own, for the test that kills that JVM: prints its port, then waits. */
public final class VirtualDeviceMain {
    private VirtualDeviceMain() {
    }

    public static void main(String[] args) throws Exception {
        VirtualDevice device = VirtualDevice.start(TestProfiles.sd845(Path.of(args[0])));
        System.out.println(device.port());
        System.out.flush();
        device.awaitClose();
    }
}
