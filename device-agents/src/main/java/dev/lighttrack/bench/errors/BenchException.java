package dev.lighttrack.bench.errors;

/**
 * The one exception type whose message is for the user: it carries the exit code bench ends with. Anything
 * else that escapes a command (an {@link IllegalArgumentException} included) is a bug: exit 3.
 */
public class BenchException extends RuntimeException {
    private final ExitCode exitCode;

    public BenchException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public BenchException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input or environment (exit 2). */
    public static BenchException badInput(String message) {
        return new BenchException(ExitCode.BAD_INPUT, message);
    }

    /** Bad input or environment (exit 2), caused by {@code cause}. */
    public static BenchException badInput(String message, Throwable cause) {
        return new BenchException(ExitCode.BAD_INPUT, message, cause);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
