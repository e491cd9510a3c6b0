package dev.lighttrack.bench.lut;

/** One measured op: latency percentiles in µs from the raw samples, the sample count and the op's MACs. */
public record LutEntry(String signature, double p50Us, double p10Us, double p90Us, long samples, long macs) {
}
