package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;
import dev.lighttrack.bench.errors.InvalidSetting;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Turns exceptions into the one-line messages and exit codes of the bench CLI. A {@link BenchException}
 * carries its exit code; an I/O failure is the environment's (exit 2); anything else is a bug (exit 3).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (debug) {
            ex.printStackTrace();
        }
        if (ex instanceof InvalidSetting setting) {
            cmd.getErr().println("bench: " + oneLine(flag(setting.setting()) + " " + setting.problem()));
            return setting.exitCode().code();
        }
        if (ex instanceof BenchException known) {
            cmd.getErr().println("bench: " + oneLine(known.getMessage()));
            return known.exitCode().code();
        }
        if (ex instanceof UncheckedIOException) {
            cmd.getErr().println("bench: " + oneLine(ex.getMessage()));
            return ExitCode.BAD_INPUT.code();
        }
        cmd.getErr().println("bench: internal error: " + oneLine(String.valueOf(ex))
                + (debug ? "" : " (run with --debug for the stack trace)"));
        return ExitCode.INTERNAL.code();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("bench: " + oneLine(parseProblem(ex, cmd)));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.BAD_INPUT.code();
    }

    /** Picocli's message, except for a word where a subcommand was expected: that names the commands. */
    private static String parseProblem(CommandLine.ParameterException ex, CommandLine cmd) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String word = unmatched.getUnmatched().get(0);
            return "unknown command '" + word + "' for " + cmd.getCommandSpec().qualifiedName() + " (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")";
        }
        return ex.getMessage();
    }

    /** The option a setting comes from: {@code minSeconds} is {@code --min-seconds}. */
    static String flag(String setting) {
        return "--" + setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** One line, whatever it quotes: line breaks become spaces, other control characters (escapes) show as \xNN. */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.replaceAll("\\s*\\R\\s*", " ").strip().toCharArray()) {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
