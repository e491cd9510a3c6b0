package dev.lighttrack.bench.cli;

import picocli.CommandLine;

/** Entry point of the {@code bench} command. */
public final class BenchMain {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 a check failed, 2 bad input or environment). */
    public static int run(String... args) {
        // java.util.logging (the virtual device's warnings) on one line each, in bench's voice
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "bench: %5$s%6$s%n");
        }
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter(debug));
        cli.setParameterExceptionHandler(new ErrorReporter(debug));
        return cli.execute(args);
    }
}
