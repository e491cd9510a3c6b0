package dev.lighttrack.bench.device;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A device's system properties, as {@code getprop} lists them. */
public record DeviceProperties(Map<String, String> values) {
    public static final DeviceProperties NONE = new DeviceProperties(Map.of());

    public DeviceProperties {
        values = Map.copyOf(values);
    }

    /** Reads the {@code [key]: [value]} lines of {@code getprop}; values may span lines. */
    public static DeviceProperties parseGetprop(String output) {
        Map<String, String> values = new TreeMap<>();
        String key = null;
        StringBuilder value = null;
        for (String line : output.split("\r?\n", -1)) {
            if (key == null) {
                int separator = line.indexOf("]: [");
                if (!line.startsWith("[") || separator < 0) {
                    continue;
                }
                key = line.substring(1, separator);
                value = new StringBuilder(line.substring(separator + 4));
            } else {
                value.append('\n').append(line);
            }
            if (value.toString().endsWith("]")) {
                values.put(key, value.substring(0, value.length() - 1));
                key = null;
            }
        }
        return new DeviceProperties(values);
    }

    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> model() {
        return get("ro.product.model");
    }

    public Optional<String> manufacturer() {
        return get("ro.product.manufacturer");
    }

    /** {@code ro.soc.model}: set from Android 12 on (e.g. SM8450). */
    public Optional<String> socModel() {
        return get("ro.soc.model");
    }

    /** {@code ro.board.platform}: the Qualcomm platform name (e.g. sdm845, taro). */
    public Optional<String> boardPlatform() {
        return get("ro.board.platform");
    }

    public Optional<String> hardware() {
        return get("ro.hardware");
    }

    /** The preferred ABI, e.g. arm64-v8a. */
    public Optional<String> abi() {
        return get("ro.product.cpu.abi");
    }

    public Optional<String> androidRelease() {
        return get("ro.build.version.release");
    }

    public Optional<String> sdkLevel() {
        return get("ro.build.version.sdk");
    }

    public Optional<String> buildFingerprint() {
        return get("ro.build.fingerprint");
    }

    /** The SoC for people: ro.soc.model when set, else the board platform. */
    public Optional<String> soc() {
        return socModel().or(this::boardPlatform);
    }
}
