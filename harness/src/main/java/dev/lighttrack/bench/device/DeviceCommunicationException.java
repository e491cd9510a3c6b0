package dev.lighttrack.bench.device;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Talking to a device failed (it went away, the transport broke, a command could not run). Exit code 2 in the CLI. */
public class DeviceCommunicationException extends UncheckedIOException {
    public DeviceCommunicationException(String message) {
        super(message, new IOException(message));
    }

    public DeviceCommunicationException(String message, IOException cause) {
        super(message, cause);
    }
}
