package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The virtual device as a hostile client meets it: nothing runs without AUTH by a trusted key, an untrusted key
 * or an offered public key never gets in, and connections, streams and processes are bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdbAuthAndBoundsTest {
    @RegisterExtension
    static final TestDevice DEVICE = new TestDevice();

    /** What a command of an unauthenticated host would create. */
    private static Path marker() {
        return DEVICE.get().sandboxRoot().resolve("data/local/tmp/pwned");
    }

    @Test
    void withoutAuthNothingIsServed() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.hello(1 << 20);
            host.send(AdbMessage.of(AdbMessage.OPEN, 1, 0, "shell:touch /data/local/tmp/pwned\0"));
            host.send(AdbMessage.of(AdbMessage.OPEN, 2, 0, "exec:touch /data/local/tmp/pwned\0"));
            assertSilent(host);
        }
        assertFalse(Files.exists(marker()), "a command ran for a host that never authenticated");
    }

    @Test
    void aSignatureOfAnUntrustedKeyGetsAnotherTokenAndNoService() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            AdbMessage token = host.hello(1 << 20);
            host.send(new AdbMessage(AdbMessage.AUTH, AdbConnection.AUTH_SIGNATURE, 0,
                    TestAdbKey.sign(TestAdbKey.untrusted(), token.payload())));
            AdbMessage again = host.next();
            assertEquals(AdbMessage.AUTH, again.command(), "expected a new AUTH TOKEN, got " + again);
            assertEquals(AdbConnection.AUTH_TOKEN, again.arg0());
            assertFalse(java.util.Arrays.equals(token.payload(), again.payload()), "a token must not be reused");
            host.send(AdbMessage.of(AdbMessage.OPEN, 1, 0, "shell:touch /data/local/tmp/pwned\0"));
            assertSilent(host);
        }
        assertFalse(Files.exists(marker()));
    }

    @Test
    void anOfferedPublicKeyIsNotApproved() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.hello(1 << 20);
            String offered = Files.readString(TestAdbKey.publicKey(TestAdbKey.untrusted())).strip() + "\0";
            host.send(AdbMessage.of(AdbMessage.AUTH, AdbConnection.AUTH_RSAPUBLICKEY, 0, offered));
            assertSilent(host);
        }
    }

    @Test
    void aForgedSignatureOfTheRightLengthIsRefused() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.hello(1 << 20);
            host.send(new AdbMessage(AdbMessage.AUTH, AdbConnection.AUTH_SIGNATURE, 0, new byte[256]));
            assertEquals(AdbConnection.AUTH_TOKEN, host.next().arg0(), "a zero signature must not connect");
        }
    }

    @Test
    void aTrustedSignatureConnectsAndServes() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            int id = host.open(1, "shell,v2,raw:echo in");
            assertTrue(id != 0);
        }
    }

    @Test
    void streamsPerConnectionAreBounded() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            int refused = 0;
            for (int i = 1; i <= AdbConnection.MAX_STREAMS + 4; i++) {
                // sync streams start no process: this bounds streams, not commands
                if (host.open(i, "sync:") == 0) {
                    refused++;
                }
            }
            assertEquals(4, refused, "streams beyond " + AdbConnection.MAX_STREAMS + " must be refused");
        }
    }

    @Test
    void runningCommandsAreBounded() throws Exception {
        // a device of its own: commands of the other tests may still be ending, holding slots for a moment
        try (VirtualDevice fresh = VirtualDevice.start(TestProfiles.sd845(DEVICE.work().resolve("fresh-sandbox")));
                RawAdbHost host = new RawAdbHost(fresh.port())) {
            host.connect(1 << 20);
            int extra = 3;
            int total = ShellProcessLauncher.MAX_PROCESSES + extra;
            for (int i = 1; i <= total; i++) {
                host.send(AdbMessage.of(AdbMessage.OPEN, i, 0, "shell,v2,raw:sleep 20\0"));
            }
            // streams start their commands concurrently: any of them may be the ones past the limit, which the
            // device opens and then closes without running anything
            int okays = 0;
            int closed = 0;
            host.setReadTimeout(10_000);
            while (okays < total || closed < extra) {
                AdbMessage m = host.next();
                if (m.command() == AdbMessage.OKAY) {
                    okays++;
                } else if (m.command() == AdbMessage.CLSE) {
                    closed++;
                }
            }
            assertEquals(total, okays);
            assertEquals(extra, closed, "commands beyond " + ShellProcessLauncher.MAX_PROCESSES + " must be refused");
            host.setReadTimeout(1_000);
            try {
                AdbMessage more = host.next();
                throw new AssertionError("more streams closed than were past the limit: " + more);
            } catch (SocketTimeoutException expected) {
                // the commands within the limit are still running
            }
        }
    }

    @Test
    void connectionsAreBounded() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < VirtualDevice.MAX_CONNECTIONS; i++) {
                Socket s = new Socket("127.0.0.1", DEVICE.get().port());
                sockets.add(s);
            }
            Thread.sleep(300); // the device registers them
            try (Socket extra = new Socket("127.0.0.1", DEVICE.get().port())) {
                extra.setSoTimeout(5_000);
                assertEquals(-1, extra.getInputStream().read(), "a connection past the limit must be closed");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** The device sends nothing more within a second (it answers no OPEN before AUTH). */
    private static void assertSilent(RawAdbHost host) throws IOException {
        host.setReadTimeout(1_000);
        assertThrows(SocketTimeoutException.class, host::next, "the device answered an unauthenticated host");
    }
}
