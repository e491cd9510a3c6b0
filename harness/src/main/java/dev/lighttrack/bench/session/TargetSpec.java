package dev.lighttrack.bench.session;

import dev.lighttrack.bench.device.AdbServerAddress;
import dev.lighttrack.bench.device.AdbServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which targets a command measures: a device spec ({@code auto}, {@code host}, {@code virtual:PROFILE} or a
 * profile name), an optional serial, the adb servers to look on (none: this machine's default server, started
 * when down) and the adb executable that starts it (null: found on PATH or under $ANDROID_HOME).
 */
public record TargetSpec(String device, String serial, List<AdbServerAddress> adbServers, Path adbBinary) {
    public TargetSpec {
        adbServers = List.copyOf(adbServers);
    }

    public Optional<String> serialOption() {
        return Optional.ofNullable(serial);
    }

    /** The servers, each checked to answer (the local default started when needed). */
    public AdbServers prepareServers() {
        return AdbServers.prepare(adbServers, adbBinary);
    }
}
