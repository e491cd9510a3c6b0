package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes models atomically, so an interrupted export never leaves half a model behind. */
public final class ModelFiles {
    private ModelFiles() {
    }

    public static void write(OnnxMl.ModelProto model, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw BenchException.badInput("cannot write " + target + ": folder " + dir + " does not exist");
        }
        AtomicFiles.write(target, model.toByteArray());
    }
}
