package dev.lighttrack.bench.agents.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies test resources to files the runner can open. */
final class TestModels {
    private TestModels() {
    }

    /**
     * conv-bn-se.onnx: x[1,3,8,8] -> Conv 3x3 (4 ch) -> unfused BatchNormalization -> Clip(0,6) -> SE gate
     * (GlobalAveragePool, Sigmoid, Mul) -> y[1,4,8,8]; written by native/tests/make_models.py.
     */
    static Path convBnSe(Path dir) throws IOException {
        return copy("/models/conv-bn-se.onnx", dir.resolve("conv-bn-se.onnx"));
    }

    static Path copy(String resource, Path to) throws IOException {
        if (Files.exists(to)) {
            return to;
        }
        try (InputStream in = TestModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " is missing");
            }
            Files.copy(in, to);
        }
        return to;
    }
}
