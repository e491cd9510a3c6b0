package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.Random;

/** A small ONNX graph (opset 14: HardSwish) written by hand in tests: the constructs torch.onnx.export writes that our exporter does not. */
final class TestGraph {
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("test");
    private final Random rng;
    private int counter;

    TestGraph(long seed) {
        rng = new Random(seed);
    }

    void input(String name, long... dims) {
        graph.addInput(OnnxGraphBuilder.floatValueInfo(name, dims));
    }

    void output(String name, long... dims) {
        graph.addOutput(OnnxGraphBuilder.floatValueInfo(name, dims));
    }

    /** A random float initializer (values ~ N(0, scale^2)); returns its name. */
    String weights(double scale, long... dims) {
        int n = 1;
        for (long d : dims) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * scale);
        }
        return floats(v, dims);
    }

    String floats(float[] v, long... dims) {
        String name = "w" + counter++;
        graph.addInitializer(OnnxGraphBuilder.floatTensor(name, v, dims));
        return name;
    }

    /** An int64 initializer (Reshape shapes, axes). */
    String int64s(long... v) {
        String name = "i" + counter++;
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(v.length)
                .addAllInt64Data(java.util.Arrays.stream(v).boxed().toList()));
        return name;
    }

    /** Positive values (BatchNormalization variances). */
    String positive(long n) {
        float[] v = new float[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.5 + rng.nextDouble());
        }
        return floats(v, n);
    }

    String node(String op, String output, OnnxMl.AttributeProto[] attrs, String... inputs) {
        graph.addNode(OnnxGraphBuilder.nodeProto(op, output + "_node", output, attrs, inputs));
        return output;
    }

    String node(String op, String output, String... inputs) {
        return node(op, output, new OnnxMl.AttributeProto[0], inputs);
    }

    static OnnxMl.AttributeProto[] attrs(OnnxMl.AttributeProto... a) {
        return a;
    }

    static OnnxMl.AttributeProto ints(String name, long... values) {
        return OnnxGraphBuilder.ints(name, values);
    }

    static OnnxMl.AttributeProto i(String name, long value) {
        return OnnxGraphBuilder.intAttr(name, value);
    }

    static OnnxMl.AttributeProto f(String name, float value) {
        return OnnxGraphBuilder.floatAttr(name, value);
    }

    Path write(Path file) {
        ModelFiles.write(OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(14)).setGraph(graph)
                .build(), file);
        return file;
    }
}
