package dev.lighttrack.bench.device;

/** Another process holds the device's lock for longer than we were willing to wait. Exit code 2 in the CLI. */
public final class DeviceBusyException extends IllegalStateException {
    public DeviceBusyException(String message) {
        super(message);
    }
}
