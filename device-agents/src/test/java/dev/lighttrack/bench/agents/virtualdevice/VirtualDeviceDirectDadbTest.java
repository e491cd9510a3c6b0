package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dadb.Dadb;
import dadb.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dadb connected straight to the device (no adb server). dadb in this mode writes without waiting
 * for OKAY and sends empty WRTEs; the device must take both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualDeviceDirectDadbTest {

    @RegisterExtension
    static final TestDevice DEVICE = new TestDevice();

    private VirtualDevice device;
    private Dadb dadb;

    @BeforeAll
    void start() {
        device = DEVICE.get();
        dadb = Dadb.create("127.0.0.1", device.port(), TestAdbKey.dadbPair(TestAdbKey.trusted()));
    }

    @AfterAll
    void stop() throws Exception {
        dadb.close();
    }

    @Test
    void shellWorksDirectly() throws Exception {
        DadbAssert.shell(dadb, "getprop ro.soc.model; echo oops >&2; exit 2", "SDM845\n", "oops\n", 2);
    }

    @Test
    void pushAndPullWorkDirectly() throws Exception {
        byte[] content = new byte[700_000];
        new Random(11).nextBytes(content);
        Path local = Files.write(DEVICE.work().resolve("direct.bin"), content);
        SyncResult push = dadb.push(local.toFile(), "/data/local/tmp/direct/direct.bin", 0100644, 1_700_000_000_000L);
        assertInstanceOf(SyncResult.Success.class, push, push::toString);
        Path pulled = DEVICE.work().resolve("direct-pulled.bin");
        SyncResult pull = dadb.pull(pulled.toFile(), "/data/local/tmp/direct/direct.bin");
        assertInstanceOf(SyncResult.Success.class, pull, pull::toString);
        assertArrayEquals(content, Files.readAllBytes(pulled));
        assertEquals("700000\n", dadb.shell("wc -c < /data/local/tmp/direct/direct.bin").getOutput());
    }
}
