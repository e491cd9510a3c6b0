package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;

/** A device service bound to one opened stream; runs on its own thread until the service ends. */
@FunctionalInterface
interface StreamService {

    /** Serves the stream; must leave it closed (normally via {@link AdbStream#close()}) when done. */
    void serve(AdbStream stream) throws IOException, InterruptedException;
}
