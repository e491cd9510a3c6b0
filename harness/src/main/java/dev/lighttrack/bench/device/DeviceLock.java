package dev.lighttrack.bench.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lock on the device itself, so that two bench processes (on one host or on several hosts sharing a phone
 * through remote adb servers) never measure it at the same time. Taking it is an atomic {@code mkdir} of
 * {@link #DEFAULT_DIR} on the device; the directory holds an {@code owner} file naming host, pid and start time.
 *
 * <p>Stale locks: a lock whose owner is a process of this host that no longer runs is removed automatically.
 * A lock left by another host (or by a device-side crash) cannot be judged from here: after the timeout the
 * error names the holder and the command that removes it ({@code adb -s SERIAL shell rm -r DIR}).
 */
public final class DeviceLock {
    public static final String DEFAULT_DIR = "/data/local/tmp/ltbench/lock";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    private static final Duration OWNER_GRACE = Duration.ofSeconds(2);

    /* Arguments: lock dir, owner line. Prints "acquired", or "held" and the current owner line. */
    private static final String TAKE = String.join("\n",
            "mkdir -p \"${1%/*}\" || exit 1",
            "if mkdir \"$1\" 2>/dev/null; then printf '%s\\n' \"$2\" > \"$1/owner\" || exit 1; echo acquired; exit 0; fi",
            "echo held; cat \"$1/owner\" 2>/dev/null; exit 0");
    /* Arguments: lock dir, owner line. Removes the lock only while that owner holds it. */
    private static final String RELEASE = String.join("\n",
            "o=; { read -r o < \"$1/owner\"; } 2>/dev/null",
            "if [ \"$o\" = \"$2\" ]; then rm -r \"$1\"; else echo \"not ours: $o\"; fi");

    /** Sleeps between polls; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DeviceShell shell;
    private final String serial;
    private final String dir;
    private final Duration timeout;
    private final Duration poll;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceLock(DeviceShell shell, String serial, String dir, Duration timeout, Duration poll, Clock clock,
            Sleeper sleeper) {
        this.shell = shell;
        this.serial = serial;
        this.dir = dir;
        this.timeout = timeout;
        this.poll = poll;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public DeviceLock(DeviceShell shell, String serial) {
        this(shell, serial, DEFAULT_DIR, DEFAULT_TIMEOUT, DEFAULT_POLL, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** A lock held by this process; {@link #close()} releases it (only if it is still ours). */
    public final class Held implements AutoCloseable {
        private final LockOwner owner;
        private boolean released;

        private Held(LockOwner owner) {
            this.owner = owner;
        }

        public LockOwner owner() {
            return owner;
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            shell.run(ShellCommand.script(RELEASE, List.of(dir, owner.line())))
                    .requireSuccess("releasing the lock " + dir + " on " + shell.describe());
        }
    }

    /** Takes the lock, waiting (bounded, with messages to {@code progress}) while another process holds it. */
    public Held acquire(LockOwner owner, Consumer<String> progress) {
        Instant start = clock.instant();
        Instant nextReport = start;
        while (true) {
            Optional<String> holder = tryTake(owner);
            if (holder.isEmpty()) {
                return new Held(owner);
            }
            Optional<LockOwner> parsed = LockOwner.parse(holder.get());
            if (parsed.isPresent() && parsed.get().isDeadOnThisHost()) {
                progress.accept("removing the stale lock of " + parsed.get().describe() + " on " + serial
                        + " (that process is gone)");
                shell.run(ShellCommand.script(RELEASE, List.of(dir, holder.get())))
                        .requireSuccess("removing the stale lock " + dir + " on " + shell.describe());
                continue;
            }
            String who = parsed.map(LockOwner::describe)
                    .orElse(holder.get().isBlank() ? "a process that is just taking it" : "'" + holder.get() + "'");
            Instant now = clock.instant();
            Duration waited = Duration.between(start, now);
            if (waited.compareTo(timeout) >= 0) {
                throw new DeviceBusyException(serial + " is locked by " + who + " (waited " + waited.toSeconds()
                        + " s); if that run is gone, remove the lock with: adb -s " + serial + " shell rm -r " + dir);
            }
            // the owner file follows the mkdir by one shell call: give it a moment so the message can name the holder
            boolean ownerPending = parsed.isEmpty() && holder.get().isBlank() && waited.compareTo(OWNER_GRACE) < 0;
            if (!now.isBefore(nextReport) && !ownerPending) {
                progress.accept(serial + " is in use by " + who + "; waiting for it (up to "
                        + timeout.minus(waited).toSeconds() + " s more)");
                nextReport = now.plus(REPORT_EVERY);
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceBusyException("interrupted while waiting for the lock on " + serial);
            }
        }
    }

    /** Empty when taken; otherwise the holder's owner line (empty text while the holder is still writing it). */
    private Optional<String> tryTake(LockOwner owner) {
        ShellResult result = shell.run(ShellCommand.script(TAKE, List.of(dir, owner.line())))
                .requireSuccess("taking the lock " + dir + " on " + shell.describe());
        List<String> lines = result.stdout().lines().toList();
        if (!lines.isEmpty() && lines.get(0).equals("acquired")) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals("held")) {
            throw new DeviceCommunicationException("unexpected answer from " + shell.describe() + " while taking the lock "
                    + dir + ": " + result.stdout().strip());
        }
        return Optional.of(lines.size() > 1 ? lines.get(1) : "");
    }
}
