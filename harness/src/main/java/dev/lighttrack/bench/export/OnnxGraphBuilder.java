package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.lighttrack.bench.space.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/** Builds one ONNX graph from protobuf classes: float32 initializers, nodes, typed inputs and outputs. */
final class OnnxGraphBuilder {
    static final int OPSET = 13;
    static final long IR_VERSION = 7;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    OnnxGraphBuilder(String name) {
        graph.setName(name);
    }

    String initializer(String name, float[] data, long... dims) {
        claim(name);
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != data.length) {
            throw new IllegalStateException("initializer " + name + " has " + data.length + " values for shape " + count);
        }
        graph.addInitializer(floatTensor(name, data, dims));
        return name;
    }

    /** A float32 tensor, little-endian raw data. */
    static OnnxMl.TensorProto floatTensor(String name, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** Adds a node with one output named after the node; returns the output name. */
    String node(String opType, String name, OnnxMl.AttributeProto[] attributes, String... inputs) {
        claim(name);
        graph.addNode(nodeProto(opType, name, name, attributes, inputs));
        return name;
    }

    static OnnxMl.NodeProto nodeProto(String opType, String name, String output, OnnxMl.AttributeProto[] attributes,
            String... inputs) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(opType).setName(name).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        return n.build();
    }

    String node(String opType, String name, String... inputs) {
        return node(opType, name, new OnnxMl.AttributeProto[0], inputs);
    }

    void input(String name, TensorShape shape) {
        claim(name);
        graph.addInput(valueInfo(name, shape));
    }

    /** Declares an output; the tensor is renamed through an Identity node so outputs have stable names. */
    void output(String tensor, String name, TensorShape shape) {
        node("Identity", name, tensor);
        graph.addOutput(valueInfo(name, shape));
    }

    void shape(String tensor, TensorShape shape) {
        graph.addValueInfo(valueInfo(tensor, shape));
    }

    OnnxMl.ModelProto build(String docString) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("lighttrack-hil-bench")
                .setProducerVersion("0.1").setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
    }

    static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto intAttr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static OnnxMl.AttributeProto floatAttr(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value).build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, TensorShape s) {
        return floatValueInfo(name, 1, s.channels(), s.height(), s.width());
    }

    /** A float32 tensor's name, type and fixed dims. */
    static OnnxMl.ValueInfoProto floatValueInfo(String name, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("duplicate ONNX name " + name);
        }
    }
}
