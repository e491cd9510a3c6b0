package dev.lighttrack.bench.agents.virtualdevice;

import java.util.Optional;
import java.util.concurrent.Executor;

/** Maps an OPEN destination to the service that handles it; empty means refuse with CLSE(0, hostId). */
record ServiceRouter(ShellProcessLauncher launcher, DeviceSandbox sandbox, Executor executor) {

    Optional<StreamService> route(String destination) {
        if (destination.equals("sync:")) {
            return Optional.of(new SyncService(sandbox));
        }
        if (destination.startsWith("exec:")) {
            return Optional.of(ShellService.exec(destination.substring("exec:".length()), launcher, executor));
        }
        return ShellServiceRequest.parse(destination).map(request -> new ShellService(request, launcher, executor));
    }
}
