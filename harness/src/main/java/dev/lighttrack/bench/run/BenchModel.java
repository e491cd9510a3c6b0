package dev.lighttrack.bench.run;

import java.nio.file.Path;

/**
 * The model a benchmark runs: an ONNX file on this machine with its content hash, and where it came from
 * (a name, the arch string and costs when it was exported from the space).
 */
public record BenchModel(Path file, String name, String arch, String sha256, Long macs, Long params,
                         Integer searchSize) {
}
