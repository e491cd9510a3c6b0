package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Starts device command lines in a real POSIX shell on this host, inside the device sandbox, each as its own
 * process group, and keeps track of them so that stopping the device — or killing the JVM ({@link ProcessReaper})
 * — kills whatever is still running.
 */
final class ShellProcessLauncher {

    private static final String SHELL = "/bin/sh";
    /** Commands running at once on one device; more is a runaway client, not a benchmark. */
    static final int MAX_PROCESSES = 16;

    private final DeviceSandbox sandbox;
    private final Set<ShellProcess> running = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(MAX_PROCESSES);
    private volatile boolean stopped;

    private final ProcessReaper reaper;

    ShellProcessLauncher(DeviceSandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        this.reaper = ProcessReaper.start();
    }

    /**
     * Starts {@code /bin/sh -c <command line with device paths rewritten>} in the sandbox root.
     *
     * @param mergeStderr true for the raw (v1 shell, exec) services, where stderr shares the stream
     */
    ShellProcess launch(String deviceCommandLine, boolean mergeStderr, Optional<String> term) throws IOException {
        if (stopped) {
            throw new IOException("the virtual device is stopping; not starting: " + deviceCommandLine);
        }
        if (!slots.tryAcquire()) { // a counter, not running.size(): streams start commands concurrently
            throw new IOException(MAX_PROCESSES + " commands are already running on this virtual device; not"
                    + " starting another");
        }
        try {
            return start(deviceCommandLine, mergeStderr, term);
        } catch (IOException | RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private ShellProcess start(String deviceCommandLine, boolean mergeStderr, Optional<String> term)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessReaper.asOwnGroup(
                List.of(SHELL, "-c", sandbox.rewriteCommandLine(deviceCommandLine))))
                .directory(sandbox.root().toFile())
                .redirectErrorStream(mergeStderr);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(sandbox.shellEnvironment());
        term.ifPresent(value -> environment.put("TERM", value));
        // setsid execs the shell in place (a ProcessBuilder child leads no group), so its pid is its group's id
        Process started = builder.start();
        ShellProcess process = new ShellProcess(started);
        running.add(process);
        reaper.started(started.pid());
        // the moment the JVM reaps it, whoever waits or not: the slot comes back, and the reaper must never hold
        // an id the system may reuse
        started.onExit().thenRun(() -> {
            running.remove(process);
            reaper.ended(started.pid());
            slots.release();
        });
        if (stopped) { // close() ran while we were starting it
            process.killTree();
        }
        return process;
    }

    /** Stops accepting commands and kills every running command's process tree. */
    void killAll() {
        stopped = true;
        List.copyOf(running).forEach(ShellProcess::killTree);
        reaper.close();
    }
}
