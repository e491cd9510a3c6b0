package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a virtual device presents to ADB clients.
 *
 * @param productName {@code ro.product.name} in the connection banner (and getprop)
 * @param productModel {@code ro.product.model}, what {@code adb devices -l} shows as model
 * @param productDevice {@code ro.product.device}
 * @param properties further system properties for {@code getprop}, e.g. {@code ro.board.platform=sdm845};
 *     {@code ro.product.cpu.abi} should be this host's ABI, reported honestly
 * @param sysfsNodes absolute device paths under {@code /sys/} to their content, e.g.
 *     {@code /sys/class/thermal/thermal_zone0/temp -> 41000}; written into the sandbox at start
 * @param sandboxRoot the host directory holding the device's private files (created if missing)
 * @param port the loopback port to listen on; 0 picks a free one outside 5555–5585
 * @param trustedKeys files of adb public keys ({@code adbkey.pub} format, one key a line) whose holders may connect;
 *     every other host is refused at AUTH, as a phone with {@code ro.adb.secure=1} refuses an unknown key
 * @param emulation null, or how the device runs programs of the ABI it reports when that is not this host's
 */
public record VirtualDeviceConfig(
        String productName,
        String productModel,
        String productDevice,
        Map<String, String> properties,
        Map<String, String> sysfsNodes,
        Path sandboxRoot,
        int port,
        List<Path> trustedKeys,
        CpuEmulation emulation) {

    /** Ports the adb server probes for emulators at startup; a device there would show up twice. */
    public static final int EMULATOR_SCAN_FIRST_PORT = 5555;
    public static final int EMULATOR_SCAN_LAST_PORT = 5585;

    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9._-]+");
    /** Banner values are split on ':', ';' and '=' by the adb server. */
    private static final Pattern BANNER_VALUE = Pattern.compile("[^:;=\\p{Cntrl}]+");
    private static final Pattern SYSFS_PATH = Pattern.compile("/sys(/[A-Za-z0-9._:,+@-]+)+");

    /** Names the trusted key files (path-separated) in place of this user's adb key. */
    public static final String TRUSTED_KEYS_PROPERTY = "ltbench.adb.trusted-keys";

    /** The same, trusting {@link #defaultTrustedKeys()}. */
    public VirtualDeviceConfig(String productName, String productModel, String productDevice,
            Map<String, String> properties, Map<String, String> sysfsNodes, Path sandboxRoot, int port) {
        this(productName, productModel, productDevice, properties, sysfsNodes, sandboxRoot, port,
                defaultTrustedKeys(), null);
    }

    /**
     * The keys of {@value #TRUSTED_KEYS_PROPERTY} when set, else this user's adb key, {@code ~/.android/adbkey.pub}
     * (what the adb server started by this user, and dadb, sign with).
     */
    public static List<Path> defaultTrustedKeys() {
        String listed = System.getProperty(TRUSTED_KEYS_PROPERTY);
        if (listed != null && !listed.isBlank()) {
            return Arrays.stream(listed.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .toList();
        }
        return List.of(userKey().resolveSibling("adbkey.pub"));
    }

    /** This user's adb private key, {@code $ANDROID_USER_HOME/adbkey} or {@code ~/.android/adbkey}. */
    public static Path userKey() {
        String home = System.getenv("ANDROID_USER_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".android");
        return dir.resolve("adbkey");
    }

    public VirtualDeviceConfig {
        trustedKeys = List.copyOf(Objects.requireNonNull(trustedKeys, "trustedKeys must be a list, not null"));
        requireBannerValue("ro.product.name", productName);
        requireBannerValue("ro.product.model", productModel);
        requireBannerValue("ro.product.device", productDevice);
        int bannerLength = productName.length() + productModel.length() + productDevice.length() + 128;
        if (bannerLength > 4096) {
            throw new IllegalArgumentException("ro.product.name, model and device are too long for the connection"
                    + " banner, which must fit in 4096 bytes (MAX_PAYLOAD_V1): shorten them");
        }
        properties = sortedCopy(properties, "properties");
        sysfsNodes = sortedCopy(sysfsNodes, "sysfsNodes");
        properties.forEach(VirtualDeviceConfig::requireProperty);
        sysfsNodes.forEach(VirtualDeviceConfig::requireSysfsNode);
        Objects.requireNonNull(sandboxRoot, "sandboxRoot must be a host directory, not null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port: use 0 (a free port) or 1-65535");
        }
        if (port >= EMULATOR_SCAN_FIRST_PORT && port <= EMULATOR_SCAN_LAST_PORT) {
            throw new IllegalArgumentException("port " + port + " is in " + EMULATOR_SCAN_FIRST_PORT + "-"
                    + EMULATOR_SCAN_LAST_PORT + ", which the adb server probes for emulators at startup (the device"
                    + " would also appear as emulator-" + (port - 1) + "): use 0 or a port outside that range");
        }
    }

    /** The same configuration on another port. */
    public VirtualDeviceConfig withPort(int newPort) {
        return new VirtualDeviceConfig(productName, productModel, productDevice, properties, sysfsNodes,
                sandboxRoot, newPort, trustedKeys, emulation);
    }

    /** The same configuration trusting other keys. */
    public VirtualDeviceConfig withTrustedKeys(List<Path> keys) {
        return new VirtualDeviceConfig(productName, productModel, productDevice, properties, sysfsNodes,
                sandboxRoot, port, keys, emulation);
    }

    /** The same configuration running programs under {@code cpu} (null: natively). */
    public VirtualDeviceConfig withEmulation(CpuEmulation cpu) {
        return new VirtualDeviceConfig(productName, productModel, productDevice, properties, sysfsNodes,
                sandboxRoot, port, trustedKeys, cpu);
    }

    /** The getprop view: {@link #properties()} plus the three banner properties unless given there. */
    public Map<String, String> allProperties() {
        Map<String, String> all = new TreeMap<>(properties);
        all.putIfAbsent("ro.product.name", productName);
        all.putIfAbsent("ro.product.model", productModel);
        all.putIfAbsent("ro.product.device", productDevice);
        return Collections.unmodifiableMap(all);
    }

    private static void requireBannerValue(String key, String value) {
        if (value == null || !BANNER_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " '" + value + "' must be non-empty text without ':', ';', '='"
                    + " or control characters, because the adb server splits the connection banner on them");
        }
    }

    private static void requireProperty(String key, String value) {
        if (!PROPERTY_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("property name '" + key + "' must be letters, digits, '.', '_' or '-'");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("property " + key + " must be one line without NUL characters");
        }
    }

    private static void requireSysfsNode(String path, String content) {
        if (!SYSFS_PATH.matcher(path).matches() || !DevicePathMapper.normalize(path).equals(path)) {
            throw new IllegalArgumentException("sysfs node '" + path + "' must be a normalized absolute path under"
                    + " /sys/, e.g. /sys/class/thermal/thermal_zone0/temp");
        }
        if (content.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("sysfs node " + path + " must not contain NUL characters");
        }
    }

    private static Map<String, String> sortedCopy(Map<String, String> map, String name) {
        Objects.requireNonNull(map, name + " must be a map (use Map.of() for none), not null");
        Map<String, String> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, name + " has a null key"),
                Objects.requireNonNull(value, name + " has a null value for " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
