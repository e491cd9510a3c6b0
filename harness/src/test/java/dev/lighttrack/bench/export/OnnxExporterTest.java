package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.Cost;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExporterTest {
    @TempDir
    Path dir;

    @Test
    void exportedModelsPassCheckerAndRunInOnnxRuntime() throws Exception {
        List<Path> files = new ArrayList<>();
        List<Subnet> subnets = new ArrayList<>();
        subnets.add(SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128));
        subnets.add(SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 288, 128));
        subnets.add(SubnetBuilder.template(ArchPresets.resolve("lighttrack-mobile"), 128));
        Random rng = new Random(7);
        for (int i = 0; i < 6; i++) {
            Architecture a = new ArchSampler(i % 2 == 0 ? SearchSpace.MOBILE : SearchSpace.LARGE).sample(rng);
            subnets.add(SubnetBuilder.search(a, 256, 128));
        }
        try (OrtEnvironment env = OrtEnvironment.getEnvironment()) {
            for (int i = 0; i < subnets.size(); i++) {
                Subnet s = subnets.get(i);
                Path file = dir.resolve("m" + i + ".onnx");
                OnnxMl.ModelProto model = OnnxExporter.export(s, i);
                ModelFiles.write(model, file);
                files.add(file);
                assertGraphMacsMatchCostModel(model, s.cost());
                runAndCheckShapes(env, file, s);
            }
        }
        OnnxChecker.checkAll(files);
    }

    @Test
    void everyUnitExportsStandaloneWithItsRealShape() throws Exception {
        Subnet s = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128);
        List<Path> files = new ArrayList<>();
        List<NetUnit> units = s.units();
        try (OrtEnvironment env = OrtEnvironment.getEnvironment()) {
            for (int i = 0; i < units.size(); i++) {
                NetUnit u = units.get(i);
                if (u.kind().equals("neck_bn")) {
                    assertThrows(IllegalArgumentException.class, () -> OnnxExporter.exportUnits("neck", List.of(u), 1));
                    continue;
                }
                Path file = dir.resolve("u" + i + ".onnx");
                OnnxMl.ModelProto model = OnnxExporter.exportUnits(u.name(), List.of(u), i);
                ModelFiles.write(model, file);
                files.add(file);
                GraphMacCounter.GraphMacs macs = GraphMacCounter.count(model);
                assertEquals(u.cost().convMacs() + u.cost().correlationMacs(), macs.convMacs(), u.name());
                try (OrtSession session = env.createSession(file.toString())) {
                    float[] in = new float[(int) u.input().elements()];
                    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(in),
                            new long[] {1, u.input().channels(), u.input().height(), u.input().width()});
                         OrtSession.Result r = session.run(Map.of("x", t))) {
                        long[] shape = ((OnnxTensor) r.get(0)).getInfo().getShape();
                        assertArrayEquals(new long[] {1, u.output().channels(), u.output().height(), u.output().width()},
                                shape, u.name());
                    }
                }
            }
        }
        OnnxChecker.checkAll(files);
    }

    @Test
    void sameSeedGivesSameModel() {
        Subnet s = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128);
        assertEquals(OnnxExporter.export(s, 3), OnnxExporter.export(s, 3));
        assertTrue(!OnnxExporter.export(s, 3).equals(OnnxExporter.export(s, 4)));
    }

    @Test
    void writingIntoAMissingFolderFailsWithoutLeavingFiles() {
        Subnet s = SubnetBuilder.template(ArchPresets.resolve("lighttrack-mobile"), 128);
        BenchException e = assertThrows(BenchException.class,
                () -> ModelFiles.write(OnnxExporter.export(s, 1), dir.resolve("missing/m.onnx")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static void assertGraphMacsMatchCostModel(OnnxMl.ModelProto model, Cost cost) {
        GraphMacCounter.GraphMacs macs = GraphMacCounter.count(model);
        // The graph runs the correlation as a 1x1 conv; the cost model keeps it apart as thop does.
        assertEquals(cost.convMacs() + cost.correlationMacs(), macs.convMacs());
        assertEquals(cost.poolMacs(), macs.poolMacs());
    }

    private static void runAndCheckShapes(OrtEnvironment env, Path file, Subnet s) throws Exception {
        try (OrtSession session = env.createSession(file.toString())) {
            Random rng = new Random(1);
            float[] in = new float[3 * s.inputSize() * s.inputSize()];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) rng.nextGaussian();
            }
            String input = s.part() == Subnet.Part.SEARCH ? "search" : "template";
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(in),
                    new long[] {1, 3, s.inputSize(), s.inputSize()});
                 OrtSession.Result r = session.run(Map.of(input, t))) {
                if (s.part() == Subnet.Part.SEARCH) {
                    int f = s.section("cls_pred").output().height();
                    assertOutput(r, "cls", new long[] {1, 1, f, f});
                    assertOutput(r, "reg", new long[] {1, 4, f, f});
                } else {
                    var z = s.sections().get(s.sections().size() - 1).output();
                    assertOutput(r, "template_features", new long[] {1, z.channels(), z.height(), z.width()});
                }
            }
        }
    }

    private static void assertOutput(OrtSession.Result r, String name, long[] shape) throws Exception {
        OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow();
        assertArrayEquals(shape, t.getInfo().getShape(), name);
        FloatBuffer fb = t.getFloatBuffer();
        boolean nonZero = false;
        while (fb.hasRemaining()) {
            float v = fb.get();
            assertTrue(Float.isFinite(v), name + " has a non-finite value");
            nonZero |= v != 0f;
        }
        assertTrue(nonZero, name + " is all zeros");
    }
}
