#!/usr/bin/python3
"""Writes the small ONNX models the C tests run (into the directory given as argv[1]).

Built with Debian's python3-onnx at test time; no model binaries are committed."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(3)


def const(name, shape):
    return numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), name)


def save(name, nodes, inputs, outputs, inits, check=True):
    graph = helper.make_graph(nodes, name, inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    if check:
        onnx.checker.check_model(model, full_check=True)
    path = os.path.join(OUT, name + ".onnx")
    onnx.save(model, path)
    return path


x4 = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])
y4 = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 8, 8])

# A valid model: conv + unfused BN + relu6 (Clip with opset-11+ inputs) + SE-style scaling.
ok = save("ok", [
    helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv", pads=[1, 1, 1, 1]),
    helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"], ["n"], name="bn"),
    helper.make_node("Clip", ["n", "lo", "hi"], ["r"], name="relu6"),
    helper.make_node("GlobalAveragePool", ["r"], ["g"], name="gap"),
    helper.make_node("Sigmoid", ["g"], ["sg"], name="gate"),
    helper.make_node("Mul", ["r", "sg"], ["y"], name="scale"),
], [x4], [y4], [const("w", [4, 3, 3, 3]), const("b", [4]), const("s", [4]), const("bb", [4]), const("m", [4]),
                numpy_helper.from_array(np.abs(rng.standard_normal(4)).astype(np.float32) + 0.5, "v"),
                numpy_helper.from_array(np.array(0, np.float32), "lo"),
                numpy_helper.from_array(np.array(6, np.float32), "hi")])

# Inputs for --inputs/--outputs: ok's one input as raw float32, and one value short.
ok_inputs = rng.standard_normal(1 * 3 * 8 * 8).astype("<f4")
ok_inputs.tofile(os.path.join(OUT, "ok.inputs"))
ok_inputs[:-1].tofile(os.path.join(OUT, "ok.short-inputs"))

# Layout changes the cpu backend must handle: a Flatten of a feature map (a host transpose between two XNNPACK
# runtimes), MatMul with the constant on either side, Transpose relabelling, ReduceMean without keepdims, Gemm.
save("layouts", [
    helper.make_node("Conv", ["x", "w1"], ["f"], name="feat", pads=[1, 1, 1, 1]),
    helper.make_node("Flatten", ["f"], ["flat"], name="flatten"),
    helper.make_node("Gemm", ["flat", "g"], ["fc"], name="fc", transB=1),
    helper.make_node("Reshape", ["f", "s3"], ["rows"], name="to_rows"),
    helper.make_node("MatMul", ["t", "rows"], ["corr"], name="corr_left"),
    helper.make_node("Transpose", ["corr"], ["corr_t"], name="swap", perm=[0, 2, 1]),
    helper.make_node("MatMul", ["corr_t", "r"], ["mm"], name="corr_right"),
    helper.make_node("ReduceMean", ["f"], ["pooled"], name="mean", axes=[2, 3], keepdims=0),
    helper.make_node("Add", ["pooled", "fc"], ["y"], name="sum"),
], [x4], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4]),
          helper.make_tensor_value_info("mm", TensorProto.FLOAT, [1, 64, 5])],
    [const("w1", [4, 3, 3, 3]), const("g", [4, 256]), numpy_helper.from_array(np.array([1, 4, 64], np.int64), "s3"),
     const("t", [6, 4]), const("r", [6, 5])])



def conv3x3_pad1(x, w):
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    out = np.zeros((n, w.shape[0], h, wd), np.float64)
    for dy in range(3):
        for dx in range(3):
            out += np.einsum("nchw,oc->nohw", xp[:, :, dy:dy + h, dx:dx + wd], w[:, :, dy, dx])
    return out


# The numpy reference of "layouts" for a fixed input, for unit_tests to compare against (float64 math).
lm = onnx.load(os.path.join(OUT, "layouts.onnx"))
W = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in lm.graph.initializer}
xin = rng.standard_normal((1, 3, 8, 8)).astype(np.float32)
f = conv3x3_pad1(xin.astype(np.float64), W["w1"])
y = f.mean(axis=(2, 3)) + f.reshape(1, 256) @ W["g"].T
mm = np.transpose(W["t"] @ f.reshape(1, 4, 64), (0, 2, 1)) @ W["r"]
xin.tofile(os.path.join(OUT, "layouts.input.bin"))
np.concatenate([y.ravel(), mm.ravel()]).astype(np.float32).tofile(os.path.join(OUT, "layouts.expected.bin"))

# An op the runner does not run.
save("unsupported_op", [
    helper.make_node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]),
    helper.make_node("LeakyRelu", ["c"], ["y"], name="leaky"),
], [x4], [y4], [const("w", [4, 3, 3, 3])])

# A supported op with an attribute the runner does not support.
save("unsupported_attr", [
    helper.make_node("Conv", ["x", "w"], ["y"], name="conv_ceil", pads=[1, 1, 1, 1]),
    ], [x4], [y4], [const("w", [4, 3, 3, 3])], check=True)
m = onnx.load(os.path.join(OUT, "unsupported_attr.onnx"))
m.graph.node[0].attribute.append(helper.make_attribute("foo_mode", 1))
onnx.save(m, os.path.join(OUT, "unsupported_attr.onnx"))

# Input of rank 2: the runner needs NCHW inputs.
save("rank2_input", [
    helper.make_node("Gemm", ["x", "w"], ["y"], name="fc"),
], [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])], [const("w", [16, 4])])

# Symbolic batch dimension.
save("symbolic_dim", [
    helper.make_node("Relu", ["x"], ["y"], name="relu"),
], [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 8, 8])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3, 8, 8])], [])

data = open(ok, "rb").read()
open(os.path.join(OUT, "truncated.onnx"), "wb").write(data[: len(data) // 2])
corrupt = bytearray(data)
for i in range(0, len(corrupt), 7):
    corrupt[i] ^= 0xA5
open(os.path.join(OUT, "corrupt.onnx"), "wb").write(bytes(corrupt))
open(os.path.join(OUT, "empty.onnx"), "wb").write(b"")
open(os.path.join(OUT, "text.onnx"), "w").write("this is not a model\n")

with open(os.path.join(OUT, "two.manifest"), "w") as f:
    f.write("# two runs of the same model\n\n%s\n  %s  \n" % (ok, ok))
with open(os.path.join(OUT, "empty.manifest"), "w") as f:
    f.write("# nothing\n\n")
# three models, so that visiting orders can be told apart (the copy is another path with the same content)
ok_copy = os.path.join(OUT, "ok_copy.onnx")
open(ok_copy, "wb").write(open(ok, "rb").read())
with open(os.path.join(OUT, "rounds.manifest"), "w") as f:
    f.write("%s\n%s\n%s\n" % (ok, os.path.join(OUT, "layouts.onnx"), ok_copy))
with open(os.path.join(OUT, "rounds_bad.manifest"), "w") as f:
    f.write("%s\n%s\n" % (ok, os.path.join(OUT, "unsupported_op.onnx")))
with open(os.path.join(OUT, "bad.manifest"), "w") as f:
    f.write("%s\n%s\n%s\n" % (ok, os.path.join(OUT, "unsupported_op.onnx"), ok))
