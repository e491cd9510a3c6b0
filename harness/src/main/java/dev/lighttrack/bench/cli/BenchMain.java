package dev.lighttrack.bench.cli;

import picocli.CommandLine;

/** Entry point of the {@code bench} command. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 a check failed, 2 bad input or environment). */
    public static int run(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter(debug));
        cli.setParameterExceptionHandler(new ErrorReporter(debug));
        return cli.execute(args);
    }
}
