package dev.lighttrack.bench.device;

import java.util.function.Consumer;

/**
 * A shell on one device (a phone through its adb server, or this host). Failures to talk to the device are
 * {@link DeviceCommunicationException}s; a command that runs and fails is a non-zero exit code, not an exception.
 */
public interface DeviceShell {
    /** Runs {@code command} to completion and returns everything it printed. */
    ShellResult run(ShellCommand command);

    /**
     * Runs {@code command}, handing each stdout line (without its line terminator) to {@code stdoutLines} as soon
     * as it arrives; for long-running agents that report as they go.
     */
    StreamedShellResult stream(ShellCommand command, Consumer<String> stdoutLines);

    /** Names the device in messages, e.g. {@code R58M123 on adb server localhost:5037}. */
    String describe();
}
