#!/usr/bin/python3
"""Writes the ONNX models the gpu backend's runner-level tests use (into the directory given as argv[1]):
torch-style constructs the cpu and gpu backends must agree on, and one the gpu backend cannot run.

Built with Debian's python3-onnx at test time; no model binaries are committed."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(5)


def const(name, shape, scale=0.5):
    return numpy_helper.from_array((scale * rng.standard_normal(shape)).astype(np.float32), name)


def ints(name, values):
    return numpy_helper.from_array(np.array(values, np.int64), name)


def tensor(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def save(name, nodes, inputs, outputs, inits, opset=13):
    graph = helper.make_graph(nodes, name, inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 7
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(OUT, name + ".onnx"))


# Correlation as torch exports it: constant template x search features viewed as a matrix, then a broadcast bias.
save("torch_correlation", [
    helper.make_node("Conv", ["x", "w"], ["f"], name="features"),
    helper.make_node("Reshape", ["f", "flat_shape"], ["fm"], name="flatten_search"),
    helper.make_node("MatMul", ["template", "fm"], ["corr"], name="correlation"),
    helper.make_node("Reshape", ["corr", "map_shape"], ["cmap"], name="to_map"),
    helper.make_node("Add", ["cmap", "bias"], ["biased"], name="corr_bias"),
    helper.make_node("Relu", ["biased"], ["y"], name="corr_relu"),
], [tensor("x", [1, 8, 6, 6])], [tensor("y", [1, 20, 6, 6])],
    [const("w", [16, 8, 1, 1]), ints("flat_shape", [1, 16, 36]), const("template", [1, 20, 16]),
     ints("map_shape", [1, 20, 6, 6]), const("bias", [1, 20, 1, 1])])

# Unfused BatchNormalization (standalone, then after a bias-free conv), swish as Sigmoid + Mul, HardSwish.
save("torch_bn_swish", [
    helper.make_node("BatchNormalization", ["x", "s0", "b0", "m0", "v0"], ["xn"], name="input_bn"),
    helper.make_node("Conv", ["xn", "w"], ["c"], name="stem", strides=[2, 2], pads=[1, 1, 1, 1]),
    helper.make_node("BatchNormalization", ["c", "s1", "b1", "m1", "v1"], ["cn"], name="stem_bn"),
    helper.make_node("Sigmoid", ["cn"], ["sg"], name="swish_gate"),
    helper.make_node("Mul", ["cn", "sg"], ["sw"], name="swish"),
    helper.make_node("Conv", ["sw", "dw"], ["d"], name="dw5", group=16, pads=[2, 2, 2, 2]),
    helper.make_node("HardSwish", ["d"], ["y"], name="hswish"),
], [tensor("x", [1, 3, 17, 17])], [tensor("y", [1, 16, 9, 9])],
    [const("s0", [3]), const("b0", [3]), const("m0", [3]),
     numpy_helper.from_array(np.abs(rng.standard_normal(3)).astype(np.float32) + 0.5, "v0"),
     const("w", [16, 3, 3, 3]), const("s1", [16]), const("b1", [16]), const("m1", [16]),
     numpy_helper.from_array(np.abs(rng.standard_normal(16)).astype(np.float32) + 0.5, "v1"),
     const("dw", [16, 1, 5, 5])], opset=14)  # HardSwish is opset 14

# Heads: pool -> flatten -> Gemm (transB) -> relu; ReduceMean without keepdims; a Transpose to NHWC.
save("torch_heads", [
    helper.make_node("GlobalAveragePool", ["x"], ["p"], name="pool"),
    helper.make_node("Flatten", ["p"], ["pf"], name="flatten"),
    helper.make_node("Gemm", ["pf", "fc_w", "fc_b"], ["fc"], name="fc", transB=1),
    helper.make_node("Relu", ["fc"], ["logits"], name="fc_relu"),
    helper.make_node("ReduceMean", ["x"], ["mean"], name="mean", axes=[2, 3], keepdims=0),
    helper.make_node("Transpose", ["x"], ["nhwc"], name="to_nhwc", perm=[0, 2, 3, 1]),
], [tensor("x", [1, 12, 5, 7])],
    [tensor("logits", [1, 10]), tensor("mean", [1, 12]), tensor("nhwc", [1, 5, 7, 12])],
    [const("fc_w", [10, 12]), const("fc_b", [10])])

# Broadcasting over rank 5: valid ONNX the loader accepts, beyond the gpu kernels (rank 4).
save("gpu_unsupported", [
    helper.make_node("Reshape", ["x", "shape5"], ["x5"], name="to_rank5"),
    helper.make_node("Add", ["x5", "offset"], ["y5"], name="rank5_add"),
    helper.make_node("Reshape", ["y5", "shape4"], ["y"], name="to_rank4"),
], [tensor("x", [1, 2, 3, 20])], [tensor("y", [1, 2, 3, 20])],
    [ints("shape5", [1, 2, 3, 4, 5]), const("offset", [1, 2, 1, 4, 1]), ints("shape4", [1, 2, 3, 20])])
