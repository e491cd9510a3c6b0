package dev.lighttrack.bench.device;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;

/** Another process holds the device's lock for longer than we were willing to wait (exit 2). */
public final class DeviceBusyException extends BenchException {
    public DeviceBusyException(String message) {
        super(ExitCode.BAD_INPUT, message);
    }
}
