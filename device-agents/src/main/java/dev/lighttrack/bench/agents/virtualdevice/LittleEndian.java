package dev.lighttrack.bench.agents.virtualdevice;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Little-endian reads from a blocking byte stream, as the sync and shell sub-protocols need. */
final class LittleEndian {

    private LittleEndian() {
    }

    /** Reads a u32, or returns -1 if the stream ended before its first byte. */
    static long readU32OrEnd(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(4);
        if (bytes.length == 0) {
            return -1;
        }
        if (bytes.length < 4) {
            throw new EOFException("stream ended inside a 4-byte integer");
        }
        return toU32(bytes, 0);
    }

    static long readU32(InputStream in) throws IOException {
        long value = readU32OrEnd(in);
        if (value < 0) {
            throw new EOFException("stream ended where a 4-byte integer was expected");
        }
        return value;
    }

    static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("stream ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    static long toU32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL)
                | (bytes[offset + 1] & 0xffL) << 8
                | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24;
    }
}
