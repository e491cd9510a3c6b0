package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.device.AdbServerTestBase;
import dev.lighttrack.bench.files.JsonMapper;
import org.junit.jupiter.api.Test;

/** {@code bench devices} through the CLI entry point, against a real adb server with nothing attached. */
class DevicesCommandTest extends AdbServerTestBase {
    @Test
    void jsonWithZeroDevicesIsAnEmptyArray() throws Exception {
        CliRun run = CliRun.of("devices", "--json", "--adb", server.address().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("[]\n", run.out());
        JsonNode json = JsonMapper.MAPPER.readTree(run.out());
        assertTrue(json.isArray());
        assertEquals(0, json.size());
        assertTrue(run.err().contains("no devices attached to adb server " + server.address()), run.err());
        assertTrue(run.err().contains("USB debugging"), run.err());
    }

    @Test
    void textWithZeroDevicesSaysHowToAttachOne() {
        CliRun run = CliRun.of("devices", "--adb", server.address().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("No devices attached to adb server " + server.address() + ".\n" + DevicesCommand.ATTACH_HINT + "\n",
                run.out());
    }

    @Test
    void anUnreachableServerIsExitCodeTwoNamingIt() {
        CliRun run = CliRun.of("devices", "--adb", "127.0.0.1:1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("bench: adb server 127.0.0.1:1 is not reachable ("), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMalformedServerIsAUsageError() {
        CliRun run = CliRun.of("devices", "--adb", "lab-host");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("an adb server is given as HOST:PORT (e.g. 192.168.1.20:5037), got 'lab-host'"), run.err());
    }
}
