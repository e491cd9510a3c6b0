package dev.lighttrack.bench.device;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code adb} executable: an explicitly configured path, else {@code adb} on PATH, else the
 * platform-tools of $ANDROID_HOME / $ANDROID_SDK_ROOT. Only needed to start a local server.
 */
public final class AdbBinaryLocator {
    static final String INSTALL_HINT = "install it with 'sudo apt-get install adb' (Debian/Ubuntu), or put Android "
            + "platform-tools on PATH (https://developer.android.com/tools/releases/platform-tools)";

    private final Optional<Path> configured;
    private final Map<String, String> environment;

    public AdbBinaryLocator(Optional<Path> configured, Map<String, String> environment) {
        this.configured = configured;
        this.environment = Map.copyOf(environment);
    }

    /** Looks in the usual places of this process's environment. */
    public static AdbBinaryLocator fromEnvironment(Optional<Path> configured) {
        return new AdbBinaryLocator(configured, System.getenv());
    }

    /** The adb executable, or an {@link AdbUnavailableException} saying how to install one. */
    public Path locate() {
        if (configured.isPresent()) {
            Path path = configured.get();
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
            throw new AdbUnavailableException("adb not found at " + path + " (the configured adb binary); " + INSTALL_HINT);
        }
        List<Path> candidates = candidates();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AdbUnavailableException("adb not found on PATH or in $ANDROID_HOME/platform-tools; " + INSTALL_HINT);
    }

    private List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "adb"));
            }
        }
        for (String sdkVariable : List.of("ANDROID_HOME", "ANDROID_SDK_ROOT")) {
            String sdk = environment.get(sdkVariable);
            if (sdk != null && !sdk.isBlank()) {
                candidates.add(Path.of(sdk, "platform-tools", "adb"));
            }
        }
        return candidates;
    }
}
