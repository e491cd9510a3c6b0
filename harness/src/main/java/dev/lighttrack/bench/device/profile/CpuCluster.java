package dev.lighttrack.bench.device.profile;

import java.util.List;

/** CPU cores that share a core type and a clock domain. */
public record CpuCluster(String name, List<Integer> cores, String coreType, long maxKhz) {
    public CpuCluster {
        cores = List.copyOf(cores);
    }
}
