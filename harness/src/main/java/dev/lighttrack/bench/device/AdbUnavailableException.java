package dev.lighttrack.bench.device;

import java.io.IOException;
import java.io.UncheckedIOException;

/** No usable adb: the binary is missing, or an adb server cannot be reached or started. Exit code 2 in the CLI. */
public class AdbUnavailableException extends UncheckedIOException {
    public AdbUnavailableException(String message) {
        super(message, new IOException(message));
    }

    public AdbUnavailableException(String message, IOException cause) {
        super(message, cause);
    }
}
