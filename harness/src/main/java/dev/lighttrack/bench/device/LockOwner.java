package dev.lighttrack.bench.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/** Who holds a {@link DeviceLock}: host name, process id and since when. Written as one line in the lock. */
public record LockOwner(String host, long pid, Instant since) {
    public LockOwner {
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("lock owner host must be one word, got '" + host + "'");
        }
    }

    /** This process. */
    public static LockOwner current() {
        return new LockOwner(hostName(), ProcessHandle.current().pid(), Instant.now());
    }

    public String line() {
        return host + " " + pid + " " + since;
    }

    /** Parses {@link #line()}; empty for anything else (a lock written by something other than bench). */
    public static Optional<LockOwner> parse(String line) {
        String[] words = line.trim().split(" ");
        if (words.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LockOwner(words[0], Long.parseLong(words[1]), Instant.parse(words[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when the owner is a process of this host that no longer exists: its lock is stale. */
    public boolean isDeadOnThisHost() {
        return host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    public String describe() {
        return "process " + pid + " on " + host + " since " + since;
    }

    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name.replaceAll("\\s", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
