package dev.lighttrack.bench.lut;

/** A whole subnet measured end to end (median per-frame latency, µs): what the overhead is fitted to. */
public record WholeModelRun(String arch, long macs, double p50Us, long samples) {
}
