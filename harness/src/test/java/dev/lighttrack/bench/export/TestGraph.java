package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        graph.addInput(valueInfo(name, dims));
    }

    void output(String name, long... dims) {
        graph.addOutput(valueInfo(name, dims));
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
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
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
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output + "_node").addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (OnnxMl.AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        graph.addNode(n);
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

    private static OnnxMl.ValueInfoProto valueInfo(String name, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
