package dev.lighttrack.bench.device.profile;

import java.util.Map;

/**
 * A sysfs file that exists once per CPU core: {@code {N}} in the path stands for the core number. The virtual
 * device's sample values are per cluster name (empty when the profile gives none).
 */
public record PerCoreSysfsNode(String pathTemplate, Map<String, String> samplesByCluster) {
    public static final String CORE_PLACEHOLDER = "{N}";

    public PerCoreSysfsNode {
        samplesByCluster = Map.copyOf(samplesByCluster);
    }

    public String path(int core) {
        return pathTemplate.replace(CORE_PLACEHOLDER, Integer.toString(core));
    }
}
