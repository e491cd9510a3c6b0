package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The host side of the transport at message level, for tests that need control an adb server
 * does not give: chosen maxdata, bad checksums, unknown ids, split and eager WRTEs. Every message
 * read is checked for a correct magic and byte-sum checksum.
 */
final class RawAdbHost implements AutoCloseable {

    static final int HOST_VERSION = 0x01000001;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawAdbHost(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends the host CNXN with {@code maxdata}, signs the device's AUTH token with the trusted test key and
     * returns the device's CNXN. */
    AdbMessage connect(int maxdata) throws IOException {
        AdbMessage token = hello(maxdata);
        send(new AdbMessage(AdbMessage.AUTH, AdbConnection.AUTH_SIGNATURE, 0,
                TestAdbKey.sign(TestAdbKey.trusted(), token.payload())));
        AdbMessage reply = next();
        assertEquals(AdbMessage.CNXN, reply.command(), "expected the device CNXN, got " + reply);
        return reply;
    }

    /** Sends the host CNXN and returns the device's answer, which must be AUTH TOKEN with 20 bytes. */
    AdbMessage hello(int maxdata) throws IOException {
        send(AdbMessage.of(AdbMessage.CNXN, HOST_VERSION, maxdata, "host::features=shell_v2,cmd,stat_v2\0"));
        AdbMessage token = next();
        assertEquals(AdbMessage.AUTH, token.command(), "expected AUTH TOKEN, got " + token);
        assertEquals(AdbConnection.AUTH_TOKEN, token.arg0(), "expected AUTH TOKEN, got " + token);
        assertEquals(AdbAuthenticator.TOKEN_BYTES, token.payload().length, "token length");
        return token;
    }

    void send(AdbMessage message) throws IOException {
        out.write(AdbMessageCodec.encode(message));
        out.flush();
    }

    /** Sends a message whose data_check is deliberately wrong. */
    void sendWithBadChecksum(AdbMessage message) throws IOException {
        byte[] encoded = AdbMessageCodec.encode(message);
        ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0xdeadbeef);
        out.write(encoded);
        out.flush();
    }

    /** Opens a service; returns the device's stream id, or 0 when it answered CLSE(0, hostId). */
    int open(int hostId, String destination) throws IOException {
        send(AdbMessage.of(AdbMessage.OPEN, hostId, 0, destination + "\0"));
        AdbMessage reply = next();
        if (reply.command() == AdbMessage.CLSE) {
            assertEquals(0, reply.arg0(), "a refused OPEN is CLSE(0, hostId): " + reply);
            assertEquals(hostId, reply.arg1(), "a refused OPEN is CLSE(0, hostId): " + reply);
            return 0;
        }
        assertEquals(AdbMessage.OKAY, reply.command(), "expected OKAY for OPEN, got " + reply);
        assertEquals(hostId, reply.arg1(), "OKAY must name the host's id: " + reply);
        return reply.arg0();
    }

    /** Reads the next message, checking magic and checksum. */
    AdbMessage next() throws IOException {
        byte[] header = in.readNBytes(AdbMessageCodec.HEADER_LENGTH);
        if (header.length < AdbMessageCodec.HEADER_LENGTH) {
            throw new IOException("device closed the connection");
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int command = b.getInt();
        int arg0 = b.getInt();
        int arg1 = b.getInt();
        int length = b.getInt();
        int check = b.getInt();
        int magic = b.getInt();
        assertEquals(~command, magic, "magic of " + AdbMessage.commandName(command));
        byte[] payload = in.readNBytes(length);
        assertEquals(AdbMessageCodec.checksum(payload), check, "data_check of " + AdbMessage.commandName(command));
        return new AdbMessage(command, arg0, arg1, payload);
    }

    void setReadTimeout(int ms) throws IOException {
        socket.setSoTimeout(ms);
    }

    /** Bytes the device has sent that are not read yet. */
    int pending() throws IOException {
        return in.available();
    }

    /**
     * Reads a device stream until its CLSE, acknowledging each WRTE, and returns what it wrote.
     * OKAYs the device sends for our WRTEs are counted into {@code okaysReceived}.
     */
    StreamTranscript readUntilClose(int hostId, int deviceId) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int okays = 0;
        int largestWrite = 0;
        while (true) {
            AdbMessage message = next();
            if (message.arg1() != hostId && message.command() != AdbMessage.CNXN) {
                continue;
            }
            switch (message.command()) {
                case AdbMessage.WRTE -> {
                    data.writeBytes(message.payload());
                    largestWrite = Math.max(largestWrite, message.payload().length);
                    send(AdbMessage.of(AdbMessage.OKAY, hostId, deviceId));
                }
                case AdbMessage.OKAY -> okays++;
                case AdbMessage.CLSE -> {
                    return new StreamTranscript(data.toByteArray(), okays, largestWrite);
                }
                default -> throw new AssertionError("unexpected " + message);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** What a device wrote on one stream before closing it. */
    record StreamTranscript(byte[] data, int okaysReceived, int largestWrite) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }
}
