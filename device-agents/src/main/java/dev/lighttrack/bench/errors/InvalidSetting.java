package dev.lighttrack.bench.errors;

/**
 * A setting outside what it may be (exit 2). It names the setting by its field ({@code minSeconds}), never
 * by a command-line flag: the CLI says which of its options that is.
 */
public final class InvalidSetting extends BenchException {
    private final String setting;
    private final String problem;

    /** @param problem what is wrong, to follow the setting's name: "must be at least 1, got 0" */
    public InvalidSetting(String setting, String problem) {
        super(ExitCode.BAD_INPUT, setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}
