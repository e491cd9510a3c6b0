package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting, addressing and stopping a virtual device. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualDeviceLifecycleTest {

    @TempDir
    Path work;

    @Test
    void portZeroPicksAFreePortOutsideTheEmulatorRange() throws Exception {
        try (VirtualDevice device = VirtualDevice.start(TestProfiles.sd845(work))) {
            assertTrue(device.port() < 5555 || device.port() > 5585, "port " + device.port());
            assertEquals("127.0.0.1:" + device.port(), device.serial());
            assertTrue(device.isRunning());
        }
    }

    @Test
    void explicitPortIsUsed() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        try (VirtualDevice device = VirtualDevice.start(TestProfiles.sd845(work).withPort(free))) {
            assertEquals(free, device.port());
        }
    }

    @Test
    void emulatorScanPortsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TestProfiles.sd845(work).withPort(5557));
        assertTrue(error.getMessage().contains("probes for emulators"), error.getMessage());
    }

    @Test
    void busyPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            IOException error = assertThrows(IOException.class,
                    () -> VirtualDevice.start(TestProfiles.sd845(work).withPort(taken.getLocalPort())));
            assertTrue(error.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), error.getMessage());
        }
    }

    @Test
    void closeKillsRunningCommandsAndStopsListening() throws Exception {
        VirtualDevice device = VirtualDevice.start(TestProfiles.sd845(work));
        long pid;
        try (RawAdbHost host = new RawAdbHost(device.port())) {
            host.connect(1 << 20);
            int deviceId = host.open(1, "shell,v2,raw:echo $$; exec sleep 30");
            AdbMessage first = host.next();
            host.send(AdbMessage.of(AdbMessage.OKAY, 1, deviceId));
            byte[] frame = first.payload();
            pid = Long.parseLong(new String(frame, 5, frame.length - 5, StandardCharsets.UTF_8).strip());
            assertTrue(isAlive(pid));
            device.close();
        }
        assertTrue(device.awaitClose(Duration.ofSeconds(1)));
        assertFalse(device.isRunning());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isAlive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(pid), "process " + pid + " survived closing the device");
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", device.port()).close());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
