package dev.lighttrack.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {
    @TempDir
    Path dir;

    @Test
    void aCopyIsTheSameGraphInAnotherFile() throws Exception {
        ModelResolver models = new ModelResolver(dir);
        BenchModel original = models.fromArch("lighttrack-mobile", 128, 0);
        BenchModel copy = models.copyOf(original, "control");
        assertNotEquals(original.sha256(), copy.sha256());
        assertNotEquals(original.file(), copy.file());
        assertEquals(original.name(), copy.name());
        assertEquals(original.macs(), copy.macs());
        OnnxMl.ModelProto a = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(original.file()));
        OnnxMl.ModelProto b = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(copy.file()));
        assertEquals(a.getGraph(), b.getGraph());
        assertEquals("control", b.getMetadataProps(b.getMetadataPropsCount() - 1).getValue());
        // deterministic: the same copy twice is one file
        assertEquals(copy.sha256(), models.copyOf(original, "control").sha256());
    }
}
