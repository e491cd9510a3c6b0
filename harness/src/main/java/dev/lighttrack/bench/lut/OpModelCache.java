package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.export.OnnxExporter;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.Sha256;
import dev.lighttrack.bench.run.BenchModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports each lookup-table op as a standalone ONNX model into a folder, named by its content hash, so a
 * rebuild or resume rewrites nothing that is already there (and a device that has it does not get it again).
 * {@code seed} seeds the exported weights.
 */
public record OpModelCache(Path dir, long seed) {

    public BenchModel model(LutOp op) {
        String name = fileSafe(op.signature().value());
        byte[] bytes = OnnxExporter.exportUnits(name, op.units(), seed).toByteArray();
        String sha = Sha256.of(bytes);
        Path file = dir.resolve(name + "-" + sha.substring(0, 12) + ".onnx");
        if (!Files.isRegularFile(file)) {
            AtomicFiles.write(file, bytes);
        }
        var cost = op.cost();
        return new BenchModel(file.toAbsolutePath(), name, null, sha, cost.macs(), cost.params(), null);
    }

    /** Signatures hold '@', '+', '>' and '/', which do not belong in file names or device shell lines. */
    static String fileSafe(String signature) {
        return signature.replace("->", "_to_").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
