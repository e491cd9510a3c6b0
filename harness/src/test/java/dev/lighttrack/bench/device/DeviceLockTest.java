package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The device-side lock on a virtual device through the real adb server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeviceLockTest extends VirtualDeviceTestBase {
    private DeviceLock lock(Duration timeout) {
        return new DeviceLock(shell(), device.serial(), DeviceLock.DEFAULT_DIR, timeout, Duration.ofMillis(50),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    private Path lockDir() {
        return device.sandbox().resolve("data/local/tmp/ltbench/lock");
    }

    @Test
    void takenLockWritesItsOwnerAndIsRemovedOnRelease() throws Exception {
        LockOwner me = LockOwner.current();
        try (DeviceLock.Held held = lock(Duration.ofSeconds(5)).acquire(me, m -> { })) {
            assertEquals(me.line(), Files.readString(lockDir().resolve("owner")).strip());
        }
        assertFalse(Files.exists(lockDir()));
    }

    @Test
    void aHeldLockTimesOutNamingTheHolderAndHowToRemoveIt() {
        LockOwner holder = new LockOwner(LockOwner.hostName(), ProcessHandle.current().pid(), Instant.parse("2026-01-01T00:00:00Z"));
        try (DeviceLock.Held held = lock(Duration.ofSeconds(5)).acquire(holder, m -> { })) {
            List<String> progress = new ArrayList<>();
            DeviceBusyException busy = assertThrows(DeviceBusyException.class,
                    () -> lock(Duration.ofMillis(300)).acquire(LockOwner.current(), progress::add));
            assertTrue(busy.getMessage().contains(holder.describe()), busy.getMessage());
            assertTrue(busy.getMessage().contains("adb -s " + device.serial() + " shell rm -r " + DeviceLock.DEFAULT_DIR),
                    busy.getMessage());
            assertTrue(progress.get(0).contains("is in use by " + holder.describe()), progress::toString);
        }
    }

    @Test
    void aLockOfAProcessOfThisHostThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        LockOwner dead = new LockOwner(LockOwner.hostName(), gone.pid(), Instant.now());
        lock(Duration.ofSeconds(5)).acquire(dead, m -> { }); // never released: its process "crashed"
        List<String> progress = new ArrayList<>();
        LockOwner me = LockOwner.current();
        try (DeviceLock.Held held = lock(Duration.ofSeconds(5)).acquire(me, progress::add)) {
            assertEquals(me.line(), Files.readString(lockDir().resolve("owner")).strip());
        }
        assertTrue(progress.get(0).contains("removing the stale lock of process " + gone.pid()), progress::toString);
    }

    @Test
    void releaseLeavesALockThatIsNoLongerOurs() throws Exception {
        DeviceLock.Held held = lock(Duration.ofSeconds(5)).acquire(LockOwner.current(), m -> { });
        LockOwner other = new LockOwner("otherhost", 42, Instant.now());
        Files.writeString(lockDir().resolve("owner"), other.line() + "\n");
        held.close();
        assertEquals(other.line(), Files.readString(lockDir().resolve("owner")).strip());
    }
}
