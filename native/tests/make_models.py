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
with open(os.path.join(OUT, "bad.manifest"), "w") as f:
    f.write("%s\n%s\n%s\n" % (ok, os.path.join(OUT, "unsupported_op.onnx"), ok))
