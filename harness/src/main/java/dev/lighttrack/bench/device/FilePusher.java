package dev.lighttrack.bench.device;

import java.nio.file.Path;

/** Copies a file of this machine to a device path (adb sync push); replaceable so deploy logic can be tested alone. */
@FunctionalInterface
public interface FilePusher {
    /** Pushes {@code local} to {@code devicePath} with unix {@code mode}; fails with a {@link DeviceCommunicationException}. */
    void push(Path local, String devicePath, int mode);
}
