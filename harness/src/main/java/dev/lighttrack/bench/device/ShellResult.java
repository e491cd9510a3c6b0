package dev.lighttrack.bench.device;

/** What a finished shell command produced: stdout, stderr (both UTF-8 decoded) and its exit code (0..255). */
public record ShellResult(String stdout, String stderr, int exitCode) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when the command exited 0; otherwise an error naming {@code what} and its stderr. */
    public ShellResult requireSuccess(String what) {
        if (!succeeded()) {
            throw new DeviceCommunicationException(what + " exited with " + exitCode
                    + (stderr.isBlank() ? "" : ": " + stderr.strip().lines().findFirst().orElse("")));
        }
        return this;
    }
}
