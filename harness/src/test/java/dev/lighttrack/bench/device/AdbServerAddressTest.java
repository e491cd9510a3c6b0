package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lighttrack.bench.errors.BenchException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdbServerAddressTest {
    @Test
    void parsesHostAndPort() {
        assertEquals(new AdbServerAddress("lab-7.example", 5037), AdbServerAddress.parse("lab-7.example:5037"));
        assertEquals(new AdbServerAddress("::1", 15037), AdbServerAddress.parse("[::1]:15037"));
        assertEquals("[::1]:15037", AdbServerAddress.parse("[::1]:15037").toString());
        assertEquals("10.0.0.2:5037", AdbServerAddress.parse("10.0.0.2:5037").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", ":5037", "host:0", "host:65536", "host:http", "::1:5037"})
    void rejectsWhatIsNotHostColonPort(String text) {
        BenchException e = assertThrows(BenchException.class, () -> AdbServerAddress.parse(text));
        assertEquals(true, e.getMessage().startsWith("an adb server is given as HOST:PORT (e.g. 192.168.1.20:5037), got '"
                + text + "'"), e.getMessage());
    }

    @Test
    void localDefaultHonoursAndroidAdbServerPort() {
        assertEquals(new AdbServerAddress("localhost", 5037), AdbServerAddress.localDefault(Map.of()));
        assertEquals(new AdbServerAddress("localhost", 15037),
                AdbServerAddress.localDefault(Map.of("ANDROID_ADB_SERVER_PORT", "15037")));
        BenchException e = assertThrows(BenchException.class,
                () -> AdbServerAddress.localDefault(Map.of("ANDROID_ADB_SERVER_PORT", "lots")));
        assertEquals("ANDROID_ADB_SERVER_PORT must be a port number 1..65535, got 'lots'", e.getMessage());
    }
}
