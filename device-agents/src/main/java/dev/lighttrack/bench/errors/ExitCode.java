package dev.lighttrack.bench.errors;

/** The exit codes of {@code bench}, each with what it means (README's table lists the same). */
public enum ExitCode {
    /** A check ran and failed: a regression, a budget not met. */
    CHECK_FAILED(1),
    /** Bad input or environment: a wrong option, a missing file, a device that cannot be used. */
    BAD_INPUT(2),
    /** A bug of bench's own: reported with a hint to rerun with --debug. */
    INTERNAL(3),
    /** A check could not decide (bench ci check: inconclusive): neither a pass nor a failure. */
    INCONCLUSIVE(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
