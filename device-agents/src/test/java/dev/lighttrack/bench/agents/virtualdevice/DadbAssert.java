package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dadb.AdbShellResponse;
import dadb.Dadb;

/** Checks of what dadb gets back from the virtual device, shared by the direct and the adb-server tests. */
final class DadbAssert {
    private DadbAssert() {
    }

    /** Runs {@code command} over shell v2 and checks its stdout, stderr and exit code, each kept apart. */
    static void shell(Dadb dadb, String command, String out, String err, int exitCode) throws Exception {
        AdbShellResponse response = dadb.shell(command);
        assertEquals(out, response.getOutput(), command);
        assertEquals(err, response.getErrorOutput(), command);
        assertEquals(exitCode, response.getExitCode(), command);
    }
}
