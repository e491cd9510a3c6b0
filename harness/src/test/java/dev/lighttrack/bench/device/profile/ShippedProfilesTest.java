package dev.lighttrack.bench.device.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every profile in profiles/ loads, and the facts the benchmark relies on are the ones intended. */
class ShippedProfilesTest {
    private final ProfileCatalog catalog = new ProfileLoader().loadDefault();

    @Test
    void loadsEveryShippedProfile() throws Exception {
        try (var files = Files.list(ProfileLoader.defaultDirectory())) {
            long yamlFiles = files.filter(f -> f.toString().endsWith(".yaml")).count();
            assertEquals(yamlFiles, catalog.all().size());
        }
        assertEquals(List.of("host", "sd845", "sd855", "sd865", "sd888", "sd8gen1", "sd8gen2", "sd8gen3"), catalog.names());
    }

    @Test
    void sd845DescribesTheSnapdragon845() {
        DeviceProfile p = catalog.get("sd845");
        assertEquals(List.of("sdm845"), p.match().boardPlatforms());
        assertEquals("Adreno 630", p.soc().gpu());
        assertEquals("Hexagon 685", p.soc().dsp());
        assertEquals(2, p.clusters().size());
        assertEquals(new CpuCluster("silver", List.of(0, 1, 2, 3), "Cortex-A55 (Kryo 385 Silver)", 1766400), p.clusters().get(0));
        assertEquals(List.of(4, 5, 6, 7), p.clusters().get(1).cores());
        assertEquals(2803200, p.clusters().get(1).maxKhz());
        assertEquals(List.of(4, 5, 6, 7), p.bigCores());
        assertEquals("xnnpack", p.engineFor(Backend.CPU));
        assertEquals("opencl", p.engineFor(Backend.GPU));
        assertEquals("nnapi", p.engineFor(Backend.DSP));
        assertEquals("/sys/devices/system/cpu/cpu5/cpufreq/scaling_cur_freq", p.sysfs().cpuCurFreqKhz().path(5));
        assertEquals("/sys/class/kgsl/kgsl-3d0/gpuclk", p.sysfs().gpuCurFreqHz().orElseThrow().path());
    }

    @Test
    void platformsAndGpusPerSoc() {
        Map<String, List<String>> expected = Map.of(
                "sd845", List.of("sdm845", "Adreno 630"),
                "sd855", List.of("msmnile", "Adreno 640"),
                "sd865", List.of("kona", "Adreno 650"),
                "sd888", List.of("lahaina", "Adreno 660"),
                "sd8gen1", List.of("taro", "Adreno 730"),
                "sd8gen2", List.of("kalama", "Adreno 740"),
                "sd8gen3", List.of("pineapple", "Adreno 750"));
        expected.forEach((name, facts) -> {
            DeviceProfile p = catalog.get(name);
            assertEquals(facts.get(0), p.match().boardPlatforms().get(0), name);
            assertEquals(facts.get(1), p.soc().gpu(), name);
            assertEquals(8, p.allCores().size(), name + " has 8 cores");
            assertTrue(p.allCores().containsAll(p.bigCores()), name);
            assertFalse(p.thermal().zones().isEmpty(), name);
        });
    }

    @Test
    void everyAndroidProfileGivesAVirtualDeviceSomethingToAnswer() {
        for (DeviceProfile p : catalog.all()) {
            if (p.isHost()) {
                continue;
            }
            Map<String, String> nodes = p.virtualSysfs();
            for (int core : p.allCores()) {
                assertTrue(nodes.containsKey(p.sysfs().cpuCurFreqKhz().path(core)), p.name() + " core " + core);
                assertTrue(nodes.containsKey(p.sysfs().cpuGovernor().path(core)), p.name() + " core " + core);
            }
            assertEquals(Long.toString(p.clusterOf(7).orElseThrow().maxKhz()),
                    nodes.get(p.sysfs().cpuCurFreqKhz().path(7)), p.name());
            assertEquals(p.thermal().zones().get(0).types().get(0), nodes.get("/sys/class/thermal/thermal_zone0/type"));
            assertEquals("38000", nodes.get("/sys/class/thermal/thermal_zone0/temp"));
            assertEquals("80", nodes.get("/sys/class/power_supply/battery/capacity"));
        }
    }

    @Test
    void hostIsMatchedByNothingAndOffersNoDsp() {
        DeviceProfile host = catalog.get("host");
        assertTrue(host.isHost());
        assertTrue(host.match().isEmpty());
        assertFalse(host.offers(Backend.DSP));
        BenchException e = assertThrows(BenchException.class, () -> host.engineFor(Backend.DSP));
        assertEquals("profile host offers no dsp backend (it offers: cpu, gpu)", e.getMessage());
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        BenchException e = assertThrows(BenchException.class, () -> catalog.get("sd999"));
        assertEquals("unknown device profile 'sd999' (known: host, sd845, sd855, sd865, sd888, sd8gen1, sd8gen2, sd8gen3)",
                e.getMessage());
    }

    @Test
    void defaultDirectoryFollowsBenchHome() {
        assertEquals(Path.of(System.getProperty(ProfileLoader.HOME_PROPERTY)).resolve("profiles"),
                ProfileLoader.defaultDirectory());
    }
}
