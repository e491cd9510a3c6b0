package dev.lighttrack.bench.device.profile;

import java.util.List;

/** The zones to watch and how long to wait for them to cool down. */
public record ThermalPolicy(List<ThermalZone> zones, Cooldown cooldown) {
    public ThermalPolicy {
        zones = List.copyOf(zones);
    }
}
