package dev.lighttrack.bench.device.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lighttrack.bench.errors.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a profile can be wrong gives one line naming the file, the field and what is right. */
class BadProfileTest {
    static final String VALID = """
            name: phone
            description: a test phone
            kind: android
            match:
              board_platform: [testplat]
            soc: {name: Test SoC, part: T100, gpu: Adreno 1, dsp: Hexagon 1}
            cpu:
              clusters:
                - {name: little, cores: [0, 1], core_type: Cortex-A55, max_khz: 1800000}
                - {name: big, cores: [2, 3], core_type: Cortex-A78, max_khz: 2800000}
              big_cores: [2, 3]
            backends: {cpu: xnnpack, gpu: opencl}
            thermal:
              zones:
                - {name: cpu, type: cpu-1-0, threshold_c: 45, sample: 38000}
              cooldown: {max_wait_s: 120, poll_interval_s: 5}
            sysfs:
              cpu_cur_freq_khz: {path: "/sys/devices/system/cpu/cpu{N}/cpufreq/scaling_cur_freq", sample: {little: 1800000, big: 2800000}}
              cpu_governor: {path: "/sys/devices/system/cpu/cpu{N}/cpufreq/scaling_governor", sample: schedutil}
            """;

    @TempDir
    Path dir;

    @Test
    void theBaseIsValid() throws IOException {
        DeviceProfile p = new ProfileParser().parse(write("phone", VALID));
        assertEquals(List.of(2, 3), p.bigCores());
        assertEquals(1000, p.thermal().zones().get(0).scale());
        assertEquals(SysfsNodes.DEFAULT_BATTERY_LEVEL, p.sysfs().batteryLevel().path());
    }

    @Test
    void unknownField() throws IOException {
        assertError(VALID.replace("kind: android", "kind: android\ncolour: blue"),
                "colour: unknown field (allowed here: backends, cpu, description, kind, match, name, soc, sysfs, thermal)");
    }

    @Test
    void unknownNestedField() throws IOException {
        assertError(VALID.replace("max_khz: 1800000}", "max_khz: 1800000, max_mhz: 1800}"),
                "cpu.clusters[0].max_mhz: unknown field (allowed here: core_type, cores, max_khz, name)");
    }

    @Test
    void missingField() throws IOException {
        assertError(VALID.replace("description: a test phone\n", ""), "description: missing field");
    }

    @Test
    void missingNestedField() throws IOException {
        assertError(VALID.replace(", threshold_c: 45", ""), "thermal.zones[0].threshold_c: missing field");
    }

    @Test
    void wrongType() throws IOException {
        assertError(VALID.replace("threshold_c: 45", "threshold_c: hot"),
                "thermal.zones[0].threshold_c: must be a number, got string 'hot'");
        assertError(VALID.replace("big_cores: [2, 3]", "big_cores: 2"), "cpu.big_cores: must be a list, got number 2");
        assertError(VALID.replace("max_khz: 2800000", "max_khz: 2.8"), "cpu.clusters[1].max_khz: must be an integer, got number 2.8");
    }

    @Test
    void bigCoresMustBeInClusters() throws IOException {
        assertError(VALID.replace("big_cores: [2, 3]", "big_cores: [2, 3, 7]"),
                "cpu.big_cores: core 7 is not in any cluster (clusters have cores [0, 1, 2, 3])");
    }

    @Test
    void thresholdOutOfRange() throws IOException {
        assertError(VALID.replace("threshold_c: 45", "threshold_c: 450"),
                "thermal.zones[0].threshold_c: must be between 20 and 120, got 450");
    }

    @Test
    void unknownBackend() throws IOException {
        assertError(VALID.replace("{cpu: xnnpack, gpu: opencl}", "{cpu: xnnpack, npu: qnn}"),
                "backends.npu: unknown backend (known: cpu, gpu, dsp)");
    }

    @Test
    void wrongEngineForBackend() throws IOException {
        assertError(VALID.replace("gpu: opencl}", "gpu: vulkan}"),
                "backends.gpu: the gpu backend runs on engine opencl, got 'vulkan'");
    }

    @Test
    void coreInTwoClusters() throws IOException {
        assertError(VALID.replace("cores: [2, 3]", "cores: [1, 2, 3]"),
                "cpu.clusters[1].cores: core 1 is already in cluster 'little'");
    }

    @Test
    void nameMustMatchTheFile() throws IOException {
        assertError(VALID.replace("name: phone", "name: other"), "name: must equal the file name 'phone', got 'other'");
    }

    @Test
    void zoneNeedsExactlyOneLocation() throws IOException {
        assertError(VALID.replace("type: cpu-1-0,", "type: cpu-1-0, path: /sys/x,"),
                "thermal.zones[0]: give exactly one of 'type' (thermal zone type name) or 'path' (sysfs file)");
    }

    @Test
    void perCoreNodeNeedsThePlaceholder() throws IOException {
        assertError(VALID.replace("cpu{N}/cpufreq/scaling_governor", "cpu0/cpufreq/scaling_governor"),
                "sysfs.cpu_governor.path: a per-core node needs {N} where the core number goes, got "
                        + "'/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor'");
    }

    @Test
    void perClusterSamplesNameClusters() throws IOException {
        assertError(VALID.replace("{little: 1800000, big: 2800000}", "{little: 1800000, huge: 2800000}"),
                "sysfs.cpu_cur_freq_khz.sample.huge: unknown field (allowed here: big, little)");
    }

    @Test
    void androidNodesNeedSamples() throws IOException {
        assertError(VALID.replace(", sample: schedutil}", "}"),
                "sysfs.cpu_governor.sample: missing field (the value a virtual device answers)");
    }

    @Test
    void cooldownPollMustFitTheWait() throws IOException {
        assertError(VALID.replace("poll_interval_s: 5", "poll_interval_s: 200"),
                "thermal.cooldown.poll_interval_s: must not exceed max_wait_s (120), got 200");
    }

    @Test
    void invalidYaml() throws IOException {
        Path file = write("phone", "name: [unclosed\n");
        BenchException e = assertThrows(BenchException.class, () -> new ProfileParser().parse(file));
        assertEquals(file + ": not valid YAML: ", e.getMessage().substring(0, (file + ": not valid YAML: ").length()));
    }

    @Test
    void duplicateKey() throws IOException {
        Path file = write("phone", VALID + "name: phone\n");
        BenchException e = assertThrows(BenchException.class, () -> new ProfileParser().parse(file));
        assertEquals(true, e.getMessage().contains("Duplicate field 'name'"), e.getMessage());
    }

    @Test
    void twoProfilesClaimingOnePlatform() throws IOException {
        write("phone", VALID);
        write("phone2", VALID.replace("name: phone", "name: phone2"));
        BenchException e = assertThrows(BenchException.class, () -> new ProfileLoader().load(dir));
        assertEquals(dir.resolve("phone2.yaml") + ": match.board_platform: 'testplat' is also claimed by profile phone ("
                + dir.resolve("phone.yaml") + ")", e.getMessage());
    }

    @Test
    void missingDirectory() {
        BenchException e = assertThrows(BenchException.class,
                () -> new ProfileLoader().load(dir.resolve("nowhere")));
        assertEquals("no profiles directory at " + dir.resolve("nowhere") + " (run bench through ./bench, from the "
                + "repository root, or set -Dbench.home=<repository root>)", e.getMessage());
    }

    @Test
    void hostKindIsReservedForTheHostProfile() throws IOException {
        assertError(VALID.replace("kind: android", "kind: host"),
                "kind: kind host is reserved for (and required by) the profile named 'host'");
    }

    private void assertError(String yaml, String expectedAfterFile) throws IOException {
        Path file = write("phone", yaml);
        BenchException e = assertThrows(BenchException.class, () -> new ProfileParser().parse(file));
        assertEquals(file + ": " + expectedAfterFile, e.getMessage());
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
