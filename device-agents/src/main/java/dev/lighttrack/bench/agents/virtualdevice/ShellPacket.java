package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One frame of shell protocol v2: {@code id:u8 | length:u32 LE | data}.
 *
 * @param id one of the {@code ID_*} constants
 * @param data the frame's data (not copied)
 */
record ShellPacket(int id, byte[] data) {

    static final int ID_STDIN = 0;
    static final int ID_STDOUT = 1;
    static final int ID_STDERR = 2;
    static final int ID_EXIT = 3;
    static final int ID_CLOSE_STDIN = 4;
    static final int ID_WINDOW_SIZE_CHANGE = 5;

    /** Frames from the host carry at most a MAX_PAYLOAD of data; more is a corrupt stream. */
    private static final int MAX_INBOUND_DATA = 1 << 20;

    static byte[] encode(int id, byte[] data, int offset, int length) {
        return ByteBuffer.allocate(5 + length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) id)
                .putInt(length)
                .put(data, offset, length)
                .array();
    }

    static byte[] exitFrame(int exitCode) {
        return encode(ID_EXIT, new byte[] {(byte) exitCode}, 0, 1);
    }

    /** Reads the next frame, or returns null at a clean end of stream. Frames may span WRTEs. */
    static ShellPacket read(InputStream in) throws IOException {
        int id = in.read();
        if (id < 0) {
            return null;
        }
        long length = LittleEndian.readU32(in);
        if (length > MAX_INBOUND_DATA) {
            throw new IOException("shell protocol frame of " + length + " bytes (id " + id
                    + ") exceeds the " + MAX_INBOUND_DATA + "-byte limit: the stream is corrupt");
        }
        return new ShellPacket(id, LittleEndian.readExactly(in, (int) length));
    }
}
