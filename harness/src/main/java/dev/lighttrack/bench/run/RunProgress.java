package dev.lighttrack.bench.run;

/** Where a long run reports what it is doing (stderr for the CLI). */
@FunctionalInterface
public interface RunProgress {
    RunProgress SILENT = message -> { };

    void say(String message);
}
