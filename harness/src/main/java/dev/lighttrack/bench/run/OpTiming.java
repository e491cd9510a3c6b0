package dev.lighttrack.bench.run;

/** Time of one ONNX node per inference as the backend measured it (device time for the gpu backend). */
public record OpTiming(String node, String opType, long ns) {
}
