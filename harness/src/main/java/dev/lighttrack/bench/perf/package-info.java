/**
 * {@code bench perf}: benchmarks of the bench itself on this host. The runner's per-inference latency through JNA
 * against ONNX Runtime's on the same ONNX file, and the harness overhead (JNA path against the {@code ltrunner}
 * executable's own loop; Java wall time around a JNA run against the sum of its samples). A consumer of the data
 * path like {@code lut}: it reaches down to {@code run}, {@code device}, {@code stats}, never up to {@code cli}.
 */
package dev.lighttrack.bench.perf;
