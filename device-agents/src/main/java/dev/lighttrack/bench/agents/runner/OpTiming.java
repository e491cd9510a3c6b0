package dev.lighttrack.bench.agents.runner;

/** Mean time of one model node per timed inference, where the backend measures per-op times. */
public record OpTiming(String node, String opType, long meanNs) {
}
