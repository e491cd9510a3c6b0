package dev.lighttrack.bench.run;

/**
 * The runner agent refused or failed a run and said why (its {@code error} record), or ended without a result.
 * The message is the agent's own, prefixed with where it ran; the CLI shows it as a one-line error (exit 2).
 */
public final class RunnerError extends RuntimeException {
    private final String code;

    public RunnerError(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The protocol's error code ({@code usage}, {@code model}, {@code unsupported}, ...), or {@code exit} / {@code protocol}. */
    public String code() {
        return code;
    }
}
