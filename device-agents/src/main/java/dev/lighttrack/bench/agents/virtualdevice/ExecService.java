package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The {@code exec:} service: like adbd, a raw stream in both directions (stdin from WRTEs, stdout
 * and stderr merged back), no exit status, closed when the command ends.
 */
final class ExecService implements StreamService {

    private final String command;
    private final ShellProcessLauncher launcher;
    private final Executor executor;

    ExecService(String command, ShellProcessLauncher launcher, Executor executor) {
        this.command = command;
        this.launcher = launcher;
        this.executor = executor;
    }

    @Override
    public void serve(AdbStream stream) throws IOException, InterruptedException {
        ShellService.serveRaw(stream, launcher.launch(command, true, Optional.empty()), executor);
        stream.close();
    }
}
