package dev.lighttrack.bench.device;

import dev.lighttrack.bench.errors.BenchException;

/**
 * POSIX shell single-quote quoting. Everything between single quotes is literal to sh (mksh on Android,
 * dash/bash here), so the only character needing care is the single quote itself, written as {@code '\''}.
 */
public final class ShellQuoting {
    private ShellQuoting() {
    }

    /** Returns {@code arg} as one shell word that the device's sh passes through unchanged. */
    public static String quote(String arg) {
        if (arg == null) {
            throw BenchException.badInput("shell argument must not be null");
        }
        if (arg.indexOf('\0') >= 0) {
            // argv strings are NUL-terminated: no quoting can carry a NUL, so refuse instead of truncating
            throw BenchException.badInput("shell argument contains a NUL character: " + arg.replace('\0', '?'));
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
