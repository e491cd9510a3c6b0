package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sandboxes of virtual devices whose JVM was killed are removed by the next start; live ones are kept. */
class SandboxJanitorTest {
    @TempDir
    Path tmp;

    @Test
    void removesOnlySandboxesOfEndedOwners() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(tmp.resolve(SandboxJanitor.PREFIX + "dead"));
        Files.writeString(dead.resolve(SandboxJanitor.OWNER_FILE), ended.pid() + " 2026-01-01T00:00:00Z\n");
        Files.createDirectories(dead.resolve("data/local/tmp"));
        Path reused = Files.createDirectories(tmp.resolve(SandboxJanitor.PREFIX + "reused"));
        // this JVM's pid with another start time: the pid was reused, the owner is gone
        Files.writeString(reused.resolve(SandboxJanitor.OWNER_FILE), ProcessHandle.current().pid()
                + " 2001-01-01T00:00:00Z\n");
        Path live = Files.createDirectories(tmp.resolve(SandboxJanitor.PREFIX + "live"));
        SandboxJanitor.claim(live);
        Path unowned = Files.createDirectories(tmp.resolve(SandboxJanitor.PREFIX + "unowned"));
        Path other = Files.createDirectories(tmp.resolve("someone-elses"));

        assertEquals(2, SandboxJanitor.sweep(tmp));
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(reused));
        assertTrue(Files.exists(live), "a running owner's sandbox was removed");
        assertTrue(Files.exists(unowned), "a fresh sandbox without owner file is left alone");
        assertTrue(Files.exists(other));
    }
}
