package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the device paths that the virtual device keeps private onto its sandbox directory:
 * {@code /data/local/tmp} (the only writable area) and {@code /sys} (the profile's sysfs nodes).
 * Every other path means the same file as on this host.
 *
 * <p>For shell command lines this is a <em>textual prefix rewrite</em>, not a chroot: an
 * occurrence of {@code /data/local/tmp} or {@code /sys} that starts a path word (not preceded by
 * a letter, digit, '.', '_', '-', '~' or '/', and not followed by a name character) is replaced by
 * the sandbox path. Paths the command computes at run time ({@code cd /data; cd local}, variables)
 * are not rewritten and a command can still reach any host file its user can.
 */
final class DevicePathMapper {

    static final String DEVICE_TMP = "/data/local/tmp";
    static final String DEVICE_SYS = "/sys";

    private static final Pattern DEVICE_PREFIX =
            Pattern.compile("(?<![A-Za-z0-9._~/-])(" + Pattern.quote(DEVICE_TMP) + "|" + DEVICE_SYS + ")(?![A-Za-z0-9._-])");
    /** Characters that stay literal in any shell quoting context, so a rewrite cannot change quoting. */
    private static final Pattern SHELL_SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/+-]*");

    private final Path root;
    private final String rootText;

    /** @param root the sandbox root (absolute, normalized, made of shell-safe characters) */
    DevicePathMapper(Path root) {
        this.root = root;
        this.rootText = root.toString();
        if (!root.isAbsolute() || !SHELL_SAFE_PATH.matcher(rootText).matches()) {
            throw new IllegalArgumentException("sandbox root '" + rootText + "' must be an absolute path of letters,"
                    + " digits and . _ + - / only, because it is spliced into shell command lines");
        }
    }

    Path root() {
        return root;
    }

    /** Rewrites device path prefixes in a shell command line to sandbox paths. */
    String rewriteCommandLine(String commandLine) {
        return DEVICE_PREFIX.matcher(commandLine).replaceAll(match -> Matcher.quoteReplacement(rootText + match.group(1)));
    }

    /** The device path in canonical form: absolute ("/" is the cwd of adbd), "..", "." and "//" resolved. */
    static String normalize(String devicePath) {
        String absolute = devicePath.startsWith("/") ? devicePath : "/" + devicePath;
        String normalized = Path.of(absolute).normalize().toString();
        return normalized.isEmpty() ? "/" : normalized;
    }

    /** The host file a device path means. */
    Path toHostPath(String devicePath) {
        String path = normalize(devicePath);
        if (isUnder(path, DEVICE_TMP) || isUnder(path, DEVICE_SYS)) {
            return Path.of(rootText + path);
        }
        return Path.of(path);
    }

    /** Whether the device path lies in the writable area ({@code /data/local/tmp} and below). */
    static boolean isWritable(String devicePath) {
        return isUnder(normalize(devicePath), DEVICE_TMP);
    }

    private static boolean isUnder(String normalizedPath, String prefix) {
        return normalizedPath.equals(prefix) || normalizedPath.startsWith(prefix + "/");
    }
}
