package dev.lighttrack.bench.cli;

/**
 * A problem with the user's input or environment: reported on one line, exit code 2.
 * Lower packages throw {@link IllegalArgumentException} for the same purpose; both are reported alike.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
