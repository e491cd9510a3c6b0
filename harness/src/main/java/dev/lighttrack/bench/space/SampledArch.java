package dev.lighttrack.bench.space;

/** One arch of {@code bench arch sample}: its string and per-frame cost. */
public record SampledArch(String arch, long macs, long params) {
}
