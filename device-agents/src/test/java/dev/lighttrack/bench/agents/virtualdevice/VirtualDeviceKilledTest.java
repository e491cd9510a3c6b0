package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL of the JVM that holds a virtual device (no shutdown hook runs) still kills the commands it started. */
class VirtualDeviceKilledTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void commandsDieWithTheirDevice() throws Exception {
        Path sandbox = work.resolve("sandbox");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), VirtualDeviceMain.class.getName(),
                sandbox.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().strip());
            Path pidFile = sandbox.resolve("data/local/tmp/sleeper.pid");
            try (RawAdbHost host = new RawAdbHost(port)) {
                host.connect(1 << 20);
                // a grandchild of the shell: what a plain kill of the shell would leave behind
                host.open(1, "shell,v2,raw:sleep 300 & echo $! > /data/local/tmp/sleeper.pid; wait");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!(Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long sleeper = Long.parseLong(Files.readString(pidFile).strip());
                assertTrue(ProcessHandle.of(sleeper).isPresent(), "the command did not start");

                jvm.destroyForcibly(); // SIGKILL
                jvm.waitFor(10, TimeUnit.SECONDS);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertFalse(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false),
                        "the command outlived its SIGKILLed device");
            }
        } finally {
            jvm.destroyForcibly();
        }
    }
}
