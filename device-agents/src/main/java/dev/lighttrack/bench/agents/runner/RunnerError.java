package dev.lighttrack.bench.agents.runner;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;

/**
 * The runner refused or failed a run and said why: through the C ABI (a status and message), or as the
 * agent's {@code error} record, or by ending without a result. Bad input or environment (exit 2): the
 * message says what the runner could not do, prefixed with where it ran.
 */
public final class RunnerError extends BenchException {
    /** Codes beside the runner's own statuses: the agent exited early, broke the protocol, or cannot be loaded. */
    public static final String EXIT = "exit";
    public static final String PROTOCOL = "protocol";
    public static final String LIBRARY = "library";

    private final String code;

    public RunnerError(String code, String message) {
        super(ExitCode.BAD_INPUT, message);
        this.code = code;
    }

    public RunnerError(RunnerStatus status, String message) {
        this(status.protocolName(), message);
    }

    /** The protocol's error code ({@code usage}, {@code model}, {@code unsupported}, ...), or one of the above. */
    public String code() {
        return code;
    }

    /** This error with {@code message} in place of its own, for a caller that knows where it ran. */
    public RunnerError withMessage(String message) {
        return new RunnerError(code, message);
    }
}
