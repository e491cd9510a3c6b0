package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;

/** The peer sent bytes that are not a valid ADB transport message; the connection is dropped. */
final class AdbProtocolException extends IOException {
    AdbProtocolException(String message) {
        super(message);
    }
}
