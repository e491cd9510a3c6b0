package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.agents.virtualdevice.RawAdbHost.StreamTranscript;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transport rules from the protocol reference, checked at message level against the device. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdbTransportConformanceTest {

    @RegisterExtension
    static final TestDevice DEVICE = new TestDevice();


    @Test
    void anAuthenticatedHandshakeAdvertisesOneMebibyte() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            AdbMessage cnxn = host.connect(1 << 20);
            assertEquals(0x01000001, cnxn.arg0());
            assertEquals(1 << 20, cnxn.arg1());
            assertEquals("device::ro.product.name=" + TestProfiles.PRODUCT + ";ro.product.model=" + TestProfiles.MODEL
                    + ";ro.product.device=" + TestProfiles.DEVICE + ";features=shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir",
                    cnxn.payloadText());
        }
    }

    @Test
    void messagesBeforeTheHostCnxnAreIgnored() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.send(AdbMessage.of(AdbMessage.OPEN, 1, 0, "shell,v2,raw:echo early\0"));
            host.connect(1 << 20); // asserts the first reply is the CNXN
        }
    }

    @Test
    void writesRespectNegotiatedMaxPayloadAndWaitForOkay() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(4096);
            int deviceId = host.open(1, "shell,v2,raw:head -c 100000 /dev/zero | tr '\\000' a");
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int writes = 0;
            while (true) {
                AdbMessage message = host.next();
                if (message.command() == AdbMessage.CLSE) {
                    break;
                }
                assertEquals(AdbMessage.WRTE, message.command(), "unexpected " + message);
                assertTrue(message.payload().length <= 4096, "WRTE of " + message.payload().length + " bytes > 4096");
                data.writeBytes(message.payload());
                if (writes++ < 5) { // hold our OKAY back: nothing more may arrive on the stream
                    Thread.sleep(100);
                    assertEquals(0, host.pending(), "the device sent more before our OKAY");
                }
                host.send(AdbMessage.of(AdbMessage.OKAY, 1, deviceId));
            }
            ShellOutput output = ShellOutput.parse(data.toByteArray());
            assertEquals(100_000, output.stdout().length);
            assertEquals(0, output.exitCode());
        }
    }

    @Test
    void unknownIdsAndBadChecksumsAreIgnored() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            host.send(AdbMessage.of(AdbMessage.OKAY, 5, 777));
            host.send(AdbMessage.of(AdbMessage.WRTE, 5, 777, "junk"));
            host.send(AdbMessage.of(AdbMessage.CLSE, 5, 777));
            host.sendWithBadChecksum(AdbMessage.of(AdbMessage.OPEN, 7, 0, "shell,v2,raw:echo still here\0"));
            AdbMessage okay = host.next();
            assertEquals(AdbMessage.OKAY, okay.command(), "the OPEN with a bad checksum was not served: " + okay);
            StreamTranscript transcript = host.readUntilClose(7, okay.arg0());
            assertEquals("still here\n", new String(ShellOutput.parse(transcript.data()).stdout(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void unknownServiceIsRefusedWithCloseZero() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            assertEquals(0, host.open(9, "framebuffer:"));
            assertEquals(0, host.open(10, "reboot:bootloader"));
            assertTrue(host.open(11, "shell,v2,raw:true") != 0, "the connection must stay usable");
        }
    }

    @Test
    void eagerZeroLengthAndSplitStdinWritesAreAccepted() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            int deviceId = host.open(3, "shell,v2,raw:tr a-z A-Z");
            byte[] frames = concat(ShellPacket.encode(ShellPacket.ID_STDIN, bytes("hello\n"), 0, 6),
                    ShellPacket.encode(ShellPacket.ID_WINDOW_SIZE_CHANGE, bytes("24x80,0x0\0"), 0, 10),
                    ShellPacket.encode(ShellPacket.ID_CLOSE_STDIN, new byte[0], 0, 0));
            // Like dadb in direct mode: no waiting for OKAY, an empty WRTE, frames cut mid-header.
            host.send(new AdbMessage(AdbMessage.WRTE, 3, deviceId, new byte[0]));
            host.send(new AdbMessage(AdbMessage.WRTE, 3, deviceId, Arrays.copyOfRange(frames, 0, 3)));
            host.send(new AdbMessage(AdbMessage.WRTE, 3, deviceId, Arrays.copyOfRange(frames, 3, frames.length)));
            StreamTranscript transcript = host.readUntilClose(3, deviceId);
            ShellOutput output = ShellOutput.parse(transcript.data());
            assertEquals("HELLO\n", new String(output.stdout(), StandardCharsets.UTF_8));
            assertEquals(0, output.exitCode());
            assertEquals(3, transcript.okaysReceived(), "every WRTE, even an empty one, gets an OKAY");
        }
    }

    @Test
    void syncRequestsSplitIntoTinyWritesAreParsed() throws Exception {
        byte[] content = new byte[100_000];
        new java.util.Random(3).nextBytes(content);
        String path = "/data/local/tmp/split/x.bin";
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        requests.writeBytes(syncRequest("SEND", path + "," + 0100755));
        for (int offset = 0; offset < content.length; offset += 65536) {
            int n = Math.min(65536, content.length - offset);
            requests.writeBytes(syncHeader("DATA", n));
            requests.write(content, offset, n);
        }
        requests.writeBytes(syncHeader("DONE", 1_234_567_890));
        requests.writeBytes(syncRequest("STA2", path));
        requests.writeBytes(syncRequest("QUIT", ""));
        byte[] stream = requests.toByteArray();

        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            int deviceId = host.open(4, "sync:");
            for (int offset = 0; offset < 63; offset += 3) { // headers and path cut at every place
                host.send(new AdbMessage(AdbMessage.WRTE, 4, deviceId, Arrays.copyOfRange(stream, offset, offset + 3)));
            }
            host.send(new AdbMessage(AdbMessage.WRTE, 4, deviceId, Arrays.copyOfRange(stream, 63, stream.length)));
            StreamTranscript transcript = host.readUntilClose(4, deviceId); // QUIT must end in CLSE

            ByteBuffer reply = ByteBuffer.wrap(transcript.data()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(8 + FileStat.STAT_V2_LENGTH, reply.remaining(), "replies: OKAY, then the STA2 record");
            assertEquals(SyncService.OKAY, reply.getInt());
            assertEquals(0, reply.getInt());
            assertEquals(SyncService.STA2, reply.getInt());
            assertEquals(0, reply.getInt(), "errno");
            reply.getLong(); // dev
            reply.getLong(); // ino
            assertEquals(0100755, reply.getInt(), "mode with the regular-file bits");
            reply.getInt(); // nlink
            reply.getInt(); // uid
            reply.getInt(); // gid
            assertEquals(content.length, reply.getLong(), "size");
            reply.getLong(); // atime
            assertEquals(1_234_567_890L, reply.getLong(), "mtime");
            assertArrayEquals(content, Files.readAllBytes(DEVICE.get().sandboxRoot().resolve("data/local/tmp/split/x.bin")));
        }
    }

    @Test
    void statOfMissingFileReportsEnoent() throws Exception {
        try (RawAdbHost host = new RawAdbHost(DEVICE.get().port())) {
            host.connect(1 << 20);
            int deviceId = host.open(6, "sync:");
            host.send(new AdbMessage(AdbMessage.WRTE, 6, deviceId,
                    concat(syncRequest("LST2", "/data/local/tmp/missing"), syncRequest("STAT", "/data/local/tmp/missing"),
                            syncRequest("QUIT", ""))));
            ByteBuffer reply = ByteBuffer.wrap(host.readUntilClose(6, deviceId).data()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(SyncService.LST2, reply.getInt());
            assertEquals(FileStat.ENOENT, reply.getInt());
            reply.position(FileStat.STAT_V2_LENGTH);
            assertEquals(SyncService.STAT, reply.getInt());
            assertEquals(0, reply.getInt() | reply.getInt() | reply.getInt(), "STAT v1 of a missing file is all zero");
        }
    }

    private static byte[] syncRequest(String id, String path) {
        byte[] text = bytes(path);
        return concat(syncHeader(id, text.length), text);
    }

    private static byte[] syncHeader(String id, int value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(bytes(id)).putInt(value).array();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Shell v2 frames from the device, decoded; the exit frame must be the last one. */
    record ShellOutput(byte[] stdout, byte[] stderr, int exitCode) {
        static ShellOutput parse(byte[] stream) throws java.io.IOException {
            ByteArrayInputStream in = new ByteArrayInputStream(stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ShellPacket packet;
            Integer exit = null;
            while ((packet = ShellPacket.read(in)) != null) {
                assertEquals(null, exit, "a frame followed the exit frame");
                switch (packet.id()) {
                    case ShellPacket.ID_STDOUT -> out.writeBytes(packet.data());
                    case ShellPacket.ID_STDERR -> err.writeBytes(packet.data());
                    case ShellPacket.ID_EXIT -> {
                        assertEquals(1, packet.data().length, "exit frame length");
                        exit = packet.data()[0] & 0xff;
                    }
                    default -> throw new AssertionError("the device sent shell frame id " + packet.id());
                }
            }
            assertTrue(exit != null, "no exit frame before CLSE");
            return new ShellOutput(out.toByteArray(), err.toByteArray(), exit);
        }
    }
}
