package dev.lighttrack.bench.agents.virtualdevice;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** A running {@code /bin/sh -c} command of the virtual device, killable as a whole process tree. */
final class ShellProcess {

    private final Process process;

    ShellProcess(Process process) {
        this.process = process;
    }

    long pid() {
        return process.pid();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    InputStream stderr() {
        return process.getErrorStream();
    }

    /** Waits for the shell to exit; its status, 128+signal when killed by a signal (as sh reports). */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Kills the shell and everything it started that is still its descendant. Descendants are
     * collected first because they are reparented (and no longer found) once the shell is gone;
     * processes that detached themselves earlier (setsid, double fork) are out of reach.
     */
    void killTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
