package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.AdbTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bench virtual-device} as a process, driven with the adb command line; stopped with SIGTERM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VirtualDeviceCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:(\\d+))");

    private static String adb(AdbTestServer server, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AdbTestServer.ADB.toString(), "-P",
                Integer.toString(server.address().port())));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void startsPrintsHowToConnectAndAnswersTheAdbCommandLineUntilStopped() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process vdev = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "virtual-device", "--profile", "sd845").redirectErrorStream(true).start();
        try (AdbTestServer server = AdbTestServer.start()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(vdev.getInputStream(), StandardCharsets.UTF_8));
            List<String> printed = new ArrayList<>();
            String serial = null;
            Path sandbox = null;
            for (String line; serial == null && (line = out.readLine()) != null; ) {
                printed.add(line);
                Matcher m = LISTENING.matcher(line);
                if (line.startsWith("virtual sd845 device") && m.find()) {
                    serial = m.group(1);
                    int port = Integer.parseInt(m.group(2));
                    assertTrue(port < 5555 || port > 5585, line);
                }
                Matcher s = Pattern.compile("sandbox (/\\S+)").matcher(line);
                if (s.find()) {
                    sandbox = Path.of(s.group(1));
                }
            }
            assertTrue(serial != null, () -> "no serial printed: " + printed);
            assertEquals("connect it:  adb connect " + serial, out.readLine());

            assertTrue(adb(server, "connect", serial).contains("connected to " + serial));
            try {
                assertTrue(adb(server, "devices", "-l").contains(serial + " "));
                assertEquals("sdm845", adb(server, "-s", serial, "shell", "getprop", "ro.board.platform").strip());
                assertEquals("x86_64", adb(server, "-s", serial, "shell", "getprop", "ro.product.cpu.abi").strip());
            } finally {
                adb(server, "disconnect", serial);
            }
            vdev.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook stops the device and deletes its sandbox
            assertTrue(vdev.waitFor(30, TimeUnit.SECONDS));
            assertTrue(sandbox != null, () -> "the sandbox was not logged: " + printed);
            assertTrue(Files.notExists(sandbox), "sandbox left behind: " + sandbox);
        } finally {
            vdev.destroyForcibly();
        }
    }
}
