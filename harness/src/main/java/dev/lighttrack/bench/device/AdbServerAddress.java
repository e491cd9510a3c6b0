package dev.lighttrack.bench.device;

import dev.lighttrack.bench.errors.BenchException;
import java.util.Map;

/** Where an adb server listens. The local default honours {@code ANDROID_ADB_SERVER_PORT} as adb itself does. */
public record AdbServerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 5037;
    public static final String PORT_VARIABLE = "ANDROID_ADB_SERVER_PORT";

    public AdbServerAddress {
        if (host == null || host.isBlank()) {
            throw BenchException.badInput("adb server host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw BenchException.badInput("adb server port must be 1..65535, got " + port);
        }
    }

    /** Parses {@code HOST:PORT} (IPv6 as {@code [::1]:5037}), as given to {@code --adb}. */
    public static AdbServerAddress parse(String text) {
        String hint = "an adb server is given as HOST:PORT (e.g. 192.168.1.20:5037), got '" + text + "'";
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw BenchException.badInput(hint);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw BenchException.badInput(hint + " (write IPv6 hosts in brackets)");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw BenchException.badInput(hint);
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw BenchException.badInput(hint);
        }
        return new AdbServerAddress(host, port);
    }

    /** The server this machine's {@code adb} would use: localhost on $ANDROID_ADB_SERVER_PORT, else 5037. */
    public static AdbServerAddress localDefault(Map<String, String> environment) {
        String value = environment.get(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return new AdbServerAddress("localhost", DEFAULT_PORT);
        }
        try {
            return new AdbServerAddress("localhost", Integer.parseInt(value.trim()));
        } catch (NumberFormatException | BenchException e) {
            throw BenchException.badInput(PORT_VARIABLE + " must be a port number 1..65535, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
