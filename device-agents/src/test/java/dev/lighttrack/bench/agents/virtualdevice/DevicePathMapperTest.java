package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevicePathMapperTest {

    private final DevicePathMapper mapper = new DevicePathMapper(Path.of("/sb"));

    @Test
    void rewritesDevicePrefixesThatStartAPathWord() {
        assertEquals("cd /sb/data/local/tmp && ls", mapper.rewriteCommandLine("cd /data/local/tmp && ls"));
        assertEquals("cat '/sb/sys/class/thermal/thermal_zone0/temp'",
                mapper.rewriteCommandLine("cat '/sys/class/thermal/thermal_zone0/temp'"));
        assertEquals("x --model=/sb/data/local/tmp/m.onnx<\"/sb/sys\"",
                mapper.rewriteCommandLine("x --model=/data/local/tmp/m.onnx<\"/sys\""));
        assertEquals("ls /sb/data/local/tmp/", mapper.rewriteCommandLine("ls /data/local/tmp/"));
    }

    @Test
    void leavesOtherPathsAlone() {
        for (String untouched : new String[] {"cat /system/build.prop", "ls /data/local/tmpx", "ls /foo/data/local/tmp",
                "ls ~/sys", "cat /proc/cpuinfo", "echo $HOME/sys", "ls /data/local", "ls /sys-fs"}) {
            assertEquals(untouched, mapper.rewriteCommandLine(untouched));
        }
    }

    @Test
    void rewriteIsSinglePass() {
        DevicePathMapper nested = new DevicePathMapper(Path.of("/tmp/x/data/local/tmp"));
        assertEquals("ls /tmp/x/data/local/tmp/data/local/tmp", nested.rewriteCommandLine("ls /data/local/tmp"));
    }

    @Test
    void mapsSyncPathsAfterNormalizing() {
        assertEquals(Path.of("/sb/data/local/tmp/a"), mapper.toHostPath("/data/local/tmp/./b/../a"));
        assertEquals(Path.of("/sb/sys/class/x"), mapper.toHostPath("//sys/class/x"));
        assertEquals(Path.of("/proc/cpuinfo"), mapper.toHostPath("/proc/cpuinfo"));
        assertEquals(Path.of("/etc/passwd"), mapper.toHostPath("/data/local/tmp/../../../etc/passwd"));
        assertTrue(DevicePathMapper.isWritable("/data/local/tmp/ltbench/x"));
        assertFalse(DevicePathMapper.isWritable("/data/local/tmp/../../../etc/passwd"));
        assertFalse(DevicePathMapper.isWritable("/sys/class/x"));
    }

    @Test
    void refusesRootsThatWouldChangeShellQuoting() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DevicePathMapper(Path.of("/tmp/a b")));
        assertTrue(error.getMessage().contains("shell command lines"), error.getMessage());
    }
}
