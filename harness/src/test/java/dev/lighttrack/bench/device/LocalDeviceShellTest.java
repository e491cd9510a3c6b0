package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDeviceShellTest {
    private final LocalDeviceShell shell = new LocalDeviceShell(Duration.ofSeconds(10));

    @Test
    void returnsStdoutStderrAndTheFullRangeOfExitCodes() {
        ShellResult result = shell.run(ShellCommand.script("printf '%s' \"$1\"; printf 'oops' >&2; exit 255", List.of("out ✓")));
        assertEquals("out ✓", result.stdout());
        assertEquals("oops", result.stderr());
        assertEquals(255, result.exitCode());
        assertEquals(0, shell.run(ShellCommand.of("true")).exitCode());
    }

    @Test
    void requireSuccessNamesTheCommandAndItsError() {
        ShellResult failed = shell.run(ShellCommand.script("echo 'no such file' >&2; exit 3", List.of()));
        DeviceCommunicationException e = assertThrows(DeviceCommunicationException.class,
                () -> failed.requireSuccess("cat /x"));
        assertEquals("cat /x exited with 3: no such file", e.getMessage());
    }

    @Test
    void streamsStdoutLineByLine() {
        List<String> lines = new ArrayList<>();
        StreamedShellResult result = shell.stream(
                ShellCommand.script("printf 'a\\r\\nb ✓\\n\\nlast'; echo err >&2; exit 7", List.of()), lines::add);
        assertEquals(List.of("a", "b ✓", "", "last"), lines);
        assertEquals(7, result.exitCode());
        assertTrue(result.stderr().contains("err"));
    }

    @Test
    void aCommandPastItsTimeoutIsAnError() {
        LocalDeviceShell impatient = new LocalDeviceShell(Duration.ofMillis(300));
        DeviceCommunicationException e = assertThrows(DeviceCommunicationException.class,
                () -> impatient.run(ShellCommand.script("exec sleep 5", List.of())));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }
}
