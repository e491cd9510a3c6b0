package dev.lighttrack.bench.device;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The adb servers a command works with, each checked to answer. With no {@code --adb} given that is this
 * machine's default server (started when down); given ones are used as they are and never started.
 */
public record AdbServers(List<AdbServerAddress> addresses) {
    public AdbServers {
        addresses = List.copyOf(addresses);
    }

    /** Resolves {@code requested} (the {@code --adb} values, possibly none) to answering servers. */
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
                throw new AdbUnavailableException(e.getMessage() + " (given with --adb " + address
                        + "; bench does not start servers it was pointed at)", e.getCause());
            }
        }
        return new AdbServers(distinct);
    }
}
