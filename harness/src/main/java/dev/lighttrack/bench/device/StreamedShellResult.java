package dev.lighttrack.bench.device;

/** The end of a streamed shell command: stdout went to the line consumer, so only stderr and the exit code remain. */
public record StreamedShellResult(String stderr, int exitCode) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
