package dev.lighttrack.bench.device;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adb servers a command works with, each checked to answer. With no {@code --adb} given that is this
 * machine's default server (started when down); given ones are used as they are and never started.
 */
public record AdbServers(List<AdbServerAddress> addresses) {
    public AdbServers {
        addresses = List.copyOf(addresses);
    }

    /**
     * Resolves {@code requested} (possibly none) to answering servers, starting the local default with
     * {@code adbBinary} (null: adb on PATH, then under $ANDROID_HOME) when it is down.
     */
    public static AdbServers prepare(List<AdbServerAddress> requested, Path adbBinary) {
        AdbServerLauncher launcher = new AdbServerLauncher(AdbBinaryLocator.fromEnvironment(Optional.ofNullable(adbBinary)));
        return prepare(requested, launcher, System.getenv());
    }

    /** Resolves {@code requested} (the adb servers given, possibly none) to answering servers. */
    public static AdbServers prepare(List<AdbServerAddress> requested, AdbServerLauncher launcher,
            Map<String, String> environment) {
        if (requested.isEmpty()) {
            AdbServerAddress local = AdbServerAddress.localDefault(environment);
            launcher.ensureRunning(local);
            return new AdbServers(List.of(local));
        }
        List<AdbServerAddress> distinct = List.copyOf(new LinkedHashSet<>(requested));
        for (AdbServerAddress address : distinct) {
            AdbServerClient client = new AdbServerClient(address);
            try {
                client.version();
            } catch (AdbUnavailableException e) {
                throw new AdbUnavailableException(e.getMessage() + " (a server given by address, " + address
                        + ": bench does not start servers it was pointed at)", e.getCause());
            }
        }
        return new AdbServers(distinct);
    }
}
