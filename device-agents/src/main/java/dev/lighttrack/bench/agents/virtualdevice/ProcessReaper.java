package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Kills the virtual device's commands even when the JVM is killed outright (SIGKILL runs no shutdown hook): a
 * small shell outside the JVM reads the process-group ids of running commands from a pipe and, when the pipe
 * ends — the JVM closed it or died — kills every group still listed. Each command runs as its own group
 * ({@code setsid}), so its descendants go with it.
 */
final class ProcessReaper implements AutoCloseable {
    /** Lines: {@code +PGID} a command started, {@code -PGID} it ended; at end of input kill what is left. */
    private static final String SCRIPT = String.join("\n",
            "trap '' INT TERM HUP",
            "groups=' '",
            "while IFS= read -r line; do",
            "  case $line in",
            "    +[0-9]*) groups=\"$groups${line#+} \" ;;",
            "    -[0-9]*) groups=$(printf '%s' \"$groups\" | sed \"s/ ${line#-} / /\") ;;",
            "  esac",
            "done",
            // dash takes "-9 -PGID", not "-KILL -- -PGID"
            "for g in $groups; do kill -9 \"-$g\" 2>/dev/null; done");

    private static final Logger LOG = Logger.getLogger(ProcessReaper.class.getName());

    private final Process reaper;
    private final OutputStream pipe;

    private ProcessReaper(Process reaper) {
        this.reaper = reaper;
        this.pipe = reaper.getOutputStream();
    }

    static ProcessReaper start() throws IOException {
        Process p = new ProcessBuilder(List.of("/bin/sh", "-c", SCRIPT))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ProcessReaper(p);
    }

    /** The command line that runs {@code argv} as its own process group (and session). */
    static List<String> asOwnGroup(List<String> argv) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("/usr/bin/setsid"), argv.stream()).toList();
    }

    void started(long pgid) {
        say("+" + pgid);
    }

    void ended(long pgid) {
        say("-" + pgid);
    }

    private synchronized void say(String line) {
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            pipe.flush();
        } catch (IOException e) {
            LOG.fine(() -> "process reaper gone: " + e);
        }
    }

    /** Ends the pipe: the reaper kills what is still running and exits. */
    @Override
    public synchronized void close() {
        try {
            pipe.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing the process reaper: " + e);
        }
        try {
            reaper.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
