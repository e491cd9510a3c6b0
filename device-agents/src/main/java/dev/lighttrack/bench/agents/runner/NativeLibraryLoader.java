package dev.lighttrack.bench.agents.runner;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;

/**
 * Loads libltrunner.so once. The jar bundles it for linux-x86-64 (JNA's resource prefix); the system property
 * {@code ltrunner.library} names another file (e.g. a freshly built one). A failure says why and what would help.
 */
public final class NativeLibraryLoader {
    /** System property naming an explicit libltrunner.so. */
    public static final String LIBRARY_PROPERTY = "ltrunner.library";

    private NativeLibraryLoader() {
    }

    private static LtRunnerLibrary loaded;

    /** The loaded library; throws {@link NativeLibraryException} (again on every call) when it cannot be loaded. */
    public static synchronized LtRunnerLibrary library() {
        if (loaded == null) {
            loaded = load(System.getProperty(LIBRARY_PROPERTY));
        }
        return loaded;
    }

    static LtRunnerLibrary load(String explicitPath) {
        String what = explicitPath != null ? explicitPath : "ltrunner (bundled as " + Platform.RESOURCE_PREFIX + "/libltrunner.so)";
        try {
            return Native.load(explicitPath != null ? explicitPath : "ltrunner", LtRunnerLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            // JNA lists every place it tried, one per line; the dynamic linker's reason sits on those lines.
            String why = e.getMessage() == null ? e.toString()
                    : String.join(" ", e.getMessage().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.contains("not found in resource path")).distinct().toList());
            throw new NativeLibraryException("cannot load the runner library " + what + " on " + Platform.RESOURCE_PREFIX
                    + ": " + why + " The jar bundles it for linux-x86-64 only; it needs Debian's libxnnpack0, "
                    + "libpthreadpool0, libcpuinfo0 and libprotobuf-c1 (./bench installs them); or set -D"
                    + LIBRARY_PROPERTY + "=/path/to/libltrunner.so", e);
        }
    }

    /** The runner library could not be loaded: the environment's to fix (exit 2), the message says how. */
    public static final class NativeLibraryException extends BenchException {
        public NativeLibraryException(String message, Throwable cause) {
            super(ExitCode.BAD_INPUT, message, cause);
        }
    }
}
