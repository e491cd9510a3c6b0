package dev.lighttrack.bench.device;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines and decodes each whole line as UTF-8. Decoding per line rather than per chunk
 * keeps multi-byte characters intact when a transport frame ends in the middle of one.
 */
final class Utf8LineSplitter {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Utf8LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                emit();
            } else {
                pending.write(bytes[i]);
            }
        }
    }

    /** Delivers a last line that had no terminator. */
    void finish() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
