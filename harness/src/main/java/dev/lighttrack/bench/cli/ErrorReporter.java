package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.DeviceBusyException;
import dev.lighttrack.bench.run.RunnerError;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns exceptions into the one-line messages and exit codes of the bench CLI. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_INTERNAL = 3;

    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (debug) {
            ex.printStackTrace();
        }
        if (ex instanceof UserError || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof RunnerError || ex instanceof DeviceBusyException) {
            cmd.getErr().println("bench: " + oneLine(ex.getMessage()));
            return EXIT_BAD_INPUT;
        }
        cmd.getErr().println("bench: internal error: " + oneLine(String.valueOf(ex))
                + (debug ? "" : " (run with --debug for the stack trace)"));
        return EXIT_INTERNAL;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("bench: " + oneLine(ex.getMessage()));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return EXIT_BAD_INPUT;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
