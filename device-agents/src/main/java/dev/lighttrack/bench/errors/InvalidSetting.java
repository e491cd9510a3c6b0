package dev.lighttrack.bench.errors;

/**
 * A setting outside what it may be (exit 2). It names the setting by its field ({@code minSeconds}), never
 * by a command-line flag: the CLI says which of its options that is. The message is "setting problem".
 */
public final class InvalidSetting extends BenchException {
    private final String setting;

    /** @param problem what is wrong, to follow the setting's name: "must be at least 1, got 0" */
    public InvalidSetting(String setting, String problem) {
        super(ExitCode.BAD_INPUT, setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The message without the setting's name, for a caller that names it its own way. */
    public String problem() {
        return getMessage().substring(setting.length() + 1);
    }
}
