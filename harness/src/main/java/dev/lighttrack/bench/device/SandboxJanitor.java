package dev.lighttrack.bench.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Virtual-device sandboxes ({@code ltbench-vdev-*} in the temporary folder) carry their owner's pid and process
 * start time; a sandbox whose owner is gone (killed with SIGKILL, so nothing cleaned up) is removed when the next
 * virtual device starts. A pid alone could be reused, so the start time must match too.
 */
final class SandboxJanitor {
    static final String PREFIX = "ltbench-vdev-";
    static final String OWNER_FILE = ".ltbench-owner";
    /** A sandbox without an owner file (or an unreadable one) is left alone this long. */
    private static final Duration UNOWNED_GRACE = Duration.ofDays(1);

    private SandboxJanitor() {
    }

    /** Writes this process as the owner of {@code sandbox}. */
    static void claim(Path sandbox) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(sandbox.resolve(OWNER_FILE), self.pid() + " " + startOf(self).map(Instant::toString)
                .orElse("unknown") + "\n", StandardCharsets.US_ASCII);
    }

    /** Removes the sandboxes under {@code tmp} whose owners have ended; returns how many. */
    static int sweep(Path tmp) {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && isStale(dir)) {
                    VirtualDeviceSession.deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            // the temporary folder cannot be listed: nothing to sweep
        }
        return removed;
    }

    static boolean isStale(Path sandbox) {
        Path owner = sandbox.resolve(OWNER_FILE);
        try {
            if (!Files.exists(owner)) {
                return Files.getLastModifiedTime(sandbox).toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
            }
            String[] fields = Files.readString(owner, StandardCharsets.US_ASCII).strip().split(" ");
            long pid = Long.parseLong(fields[0]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return true;
            }
            String start = startOf(process.get()).map(Instant::toString).orElse("unknown");
            return fields.length > 1 && !fields[1].equals("unknown") && !start.equals("unknown")
                    && !fields[1].equals(start);
        } catch (IOException | RuntimeException e) {
            return false; // cannot tell: keep it
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
