package dev.lighttrack.bench.agents.runner;

/** A runner call failed; carries the runner's status and its message. */
public final class NativeRunnerException extends RuntimeException {
    private final RunnerStatus status;

    public NativeRunnerException(RunnerStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RunnerStatus status() {
        return status;
    }
}
