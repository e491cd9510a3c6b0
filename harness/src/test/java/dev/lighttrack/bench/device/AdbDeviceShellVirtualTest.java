package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness's dadb shell against a virtual device through the real adb server: exit codes, stderr, streaming. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdbDeviceShellVirtualTest extends VirtualDeviceTestBase {
    @Test
    void exitCodesAndStderrComeBackApart() {
        ShellResult result = shell().run(ShellCommand.script("echo out; echo err >&2; exit \"$1\"", List.of("3")));
        assertEquals(new ShellResult("out\n", "err\n", 3), result);
        assertEquals(255, shell().run(ShellCommand.script("exit 255", List.of())).exitCode());
    }

    @Test
    void streamedLinesArriveInOrderWithTheExitCode() {
        List<String> lines = new ArrayList<>();
        StreamedShellResult result = shell().stream(
                ShellCommand.script("for i in 1 2 3; do echo \"line $i\"; sleep 0.1; done; exit 7", List.of()), lines::add);
        assertEquals(List.of("line 1", "line 2", "line 3"), lines);
        assertEquals(7, result.exitCode());
    }

    @Test
    void quotedArgumentsReachTheCommandUnchanged() {
        String awkward = "a b;touch pwned'\"$(id)`x`";
        assertEquals(awkward + "\n", shell().run(ShellCommand.of("printf", "%s\\n", awkward)).stdout());
    }

    @Test
    void aShellOnAStoppedDeviceNamesIt() {
        device.unplug();
        DeviceCommunicationException gone = assertThrows(DeviceCommunicationException.class,
                () -> new AdbDeviceShell(server.address(), device.serial()).run(ShellCommand.of("true")));
        assertTrue(gone.getMessage().startsWith(device.serial() + " on adb server " + server.address()), gone.getMessage());
    }
}
