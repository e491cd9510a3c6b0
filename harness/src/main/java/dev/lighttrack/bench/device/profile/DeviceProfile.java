package dev.lighttrack.bench.device.profile;

import dev.lighttrack.bench.errors.BenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A device profile ({@code profiles/NAME.yaml}): how to recognise a device and how to drive it. Validated on load. */
public record DeviceProfile(
        String name,
        String description,
        ProfileKind kind,
        Path source,
        MatchRule match,
        SocInfo soc,
        List<CpuCluster> clusters,
        List<Integer> bigCores,
        Map<Backend, String> backends,
        ThermalPolicy thermal,
        SysfsNodes sysfs) {

    /** The name of the profile that stands for this machine. */
    public static final String HOST = "host";

    public DeviceProfile {
        clusters = List.copyOf(clusters);
        bigCores = List.copyOf(bigCores);
        backends = Collections.unmodifiableMap(new EnumMap<>(backends));
    }

    public boolean isHost() {
        return kind == ProfileKind.HOST;
    }

    public boolean offers(Backend backend) {
        return backends.containsKey(backend);
    }

    /** The runner engine for {@code backend}, or an error naming the backends this profile offers. */
    public String engineFor(Backend backend) {
        String engine = backends.get(backend);
        if (engine == null) {
            throw BenchException.badInput("profile " + name + " offers no " + backend.id() + " backend (it offers: "
                    + String.join(", ", backends.keySet().stream().map(Backend::id).toList()) + ")");
        }
        return engine;
    }

    /** Every core of every cluster, in cluster order. */
    public List<Integer> allCores() {
        List<Integer> cores = new ArrayList<>();
        clusters.forEach(cluster -> cores.addAll(cluster.cores()));
        return List.copyOf(cores);
    }

    /** The cluster that holds {@code core}. */
    public Optional<CpuCluster> clusterOf(int core) {
        return clusters.stream().filter(c -> c.cores().contains(core)).findFirst();
    }

    /**
     * What a virtual device with this profile answers, as sysfs path to file content. Zones found by type get
     * generated {@code /sys/class/thermal/thermal_zoneK} directories. These are sample values, never measurements.
     */
    public Map<String, String> virtualSysfs() {
        Map<String, String> nodes = new LinkedHashMap<>();
        int zoneNumber = 0;
        for (ThermalZone zone : thermal.zones()) {
            if (zone.sample().isEmpty()) {
                continue;
            }
            if (!zone.types().isEmpty()) {
                String dir = "/sys/class/thermal/thermal_zone" + zoneNumber++;
                nodes.put(dir + "/type", zone.types().get(0));
                nodes.put(dir + "/temp", zone.sample().get());
            } else {
                nodes.put(zone.path().orElseThrow(), zone.sample().get());
            }
        }
        for (CpuCluster cluster : clusters) {
            for (int core : cluster.cores()) {
                putPerCore(nodes, sysfs.cpuCurFreqKhz(), cluster, core);
                sysfs.cpuMaxFreqKhz().ifPresent(node -> putPerCore(nodes, node, cluster, core));
                putPerCore(nodes, sysfs.cpuGovernor(), cluster, core);
            }
        }
        sysfs.gpuCurFreqHz().ifPresent(node -> put(nodes, node));
        sysfs.gpuGovernor().ifPresent(node -> put(nodes, node));
        put(nodes, sysfs.batteryLevel());
        put(nodes, sysfs.batteryTempDeciC());
        return Collections.unmodifiableMap(nodes);
    }

    private static void putPerCore(Map<String, String> nodes, PerCoreSysfsNode node, CpuCluster cluster, int core) {
        String sample = node.samplesByCluster().get(cluster.name());
        if (sample != null) {
            nodes.put(node.path(core), sample);
        }
    }

    private static void put(Map<String, String> nodes, SysfsNode node) {
        node.sample().ifPresent(sample -> nodes.put(node.path(), sample));
    }
}
