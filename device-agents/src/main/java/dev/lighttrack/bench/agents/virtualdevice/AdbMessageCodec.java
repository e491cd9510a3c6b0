package dev.lighttrack.bench.agents.virtualdevice;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes and decodes ADB transport messages (24-byte little-endian header, then the payload).
 *
 * <p>The data_check field is always filled with the byte sum (Android 8 adbd checks it) but is
 * never verified on input: the 29.0.6 server sends 0 there after the handshake.
 */
final class AdbMessageCodec {

    static final int HEADER_LENGTH = 24;

    private AdbMessageCodec() {
    }

    static byte[] encode(AdbMessage message) {
        byte[] payload = message.payload();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(message.command())
                .putInt(message.arg0())
                .putInt(message.arg1())
                .putInt(payload.length)
                .putInt(checksum(payload))
                .putInt(~message.command())
                .put(payload);
        return buffer.array();
    }

    /**
     * Reads one message.
     *
     * @return the message, or null when the stream ended cleanly before a new header
     * @throws AdbProtocolException when the magic is wrong or the payload exceeds {@code maxPayload}
     */
    static AdbMessage read(InputStream in, int maxPayload) throws IOException {
        byte[] header = new byte[HEADER_LENGTH];
        int first = in.readNBytes(header, 0, HEADER_LENGTH);
        if (first == 0) {
            return null;
        }
        if (first < HEADER_LENGTH) {
            throw new EOFException("connection ended inside a message header (" + first + " of 24 bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int command = buffer.getInt();
        int arg0 = buffer.getInt();
        int arg1 = buffer.getInt();
        int length = buffer.getInt();
        buffer.getInt(); // data_check: deliberately not verified
        int magic = buffer.getInt();
        if (magic != ~command) {
            throw new AdbProtocolException(String.format(
                    "bad message magic 0x%08x for command 0x%08x: expected command ^ 0xffffffff", magic, command));
        }
        if (length < 0 || length > maxPayload) {
            throw new AdbProtocolException("message payload of " + Integer.toUnsignedString(length)
                    + " bytes exceeds the negotiated maximum of " + maxPayload + " bytes");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection ended inside a " + AdbMessage.commandName(command)
                    + " payload (" + payload.length + " of " + length + " bytes)");
        }
        return new AdbMessage(command, arg0, arg1, payload);
    }

    /** The sum of the payload bytes as unsigned values, mod 2^32 (not a CRC, despite its name). */
    static int checksum(byte[] payload) {
        int sum = 0;
        for (byte b : payload) {
            sum += b & 0xff;
        }
        return sum;
    }
}
