package dev.lighttrack.bench.export;

import static dev.lighttrack.bench.export.TestGraph.attrs;
import static dev.lighttrack.bench.export.TestGraph.f;
import static dev.lighttrack.bench.export.TestGraph.i;
import static dev.lighttrack.bench.export.TestGraph.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.agents.runner.RunnerStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What torch.onnx.export writes for LightTrack-like models and our exporter does not: unfused BatchNormalization,
 * Swish as Sigmoid+Mul, the correlation as a MatMul with a constant template on either side, Gemm heads,
 * Flatten/Reshape/Transpose, ReduceMean. Each model runs in our cpu runner and in ONNX Runtime (OutputAgreement).
 */
class TorchStyleConstructsTest {
    private static OrtEnvironment env;

    @TempDir
    Path dir;

    private final List<Path> written = new ArrayList<>();

    @BeforeAll
    static void ort() {
        env = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void closeOrt() {
        env.close();
    }

    private void agree(TestGraph g, String name) throws Exception {
        Path file = g.write(dir.resolve(name + ".onnx"));
        written.add(file);
        for (int threads : new int[] {1, 2}) {
            try (NativeRunner r = NativeRunner.open(file, RunnerOptions.cpu(threads))) {
                OutputAgreement.check(env, file, r, threads);
            }
        }
        OnnxChecker.checkAll(List.of(file));
    }

    @Test
    void unfusedBatchNormAfterConvAndStandalone() throws Exception {
        TestGraph g = new TestGraph(1);
        g.input("x", 1, 8, 12, 10);
        g.node("Conv", "c", attrs(ints("pads", 1, 1, 1, 1), ints("strides", 2, 2)), "x", g.weights(0.3, 16, 8, 3, 3));
        g.node("BatchNormalization", "bn", attrs(f("epsilon", 1e-3f)), "c", g.weights(1, 16), g.weights(1, 16),
                g.weights(1, 16), g.positive(16));
        g.node("Relu", "r", "bn");
        // a BN that follows an Add cannot fold: it runs as multiply + add
        g.node("Add", "sum", "r", g.weights(1, 1, 16, 1, 1));
        g.node("BatchNormalization", "y", "sum", g.weights(1, 16), g.weights(1, 16), g.weights(1, 16), g.positive(16));
        g.output("y", 1, 16, 6, 5);
        agree(g, "bn");
    }

    @Test
    void swishHardSwishHardSigmoidAndRelu6() throws Exception {
        TestGraph g = new TestGraph(2);
        g.input("x", 1, 6, 9, 9);
        g.node("Conv", "c", attrs(ints("pads", 2, 2, 2, 2), i("group", 6)), "x", g.weights(0.4, 12, 1, 5, 5), g.weights(0.1, 12));
        g.node("Sigmoid", "s", "c");
        g.node("Mul", "swish", "c", "s");
        g.node("HardSwish", "hs", "swish");
        g.node("HardSigmoid", "hsig", attrs(f("alpha", 0.25f), f("beta", 0.4f)), "hs");
        g.node("Mul", "gated", "hs", "hsig");
        g.node("Clip", "y", "gated", g.floats(new float[] {0}), g.floats(new float[] {6}));
        g.output("y", 1, 12, 9, 9);
        agree(g, "activations");
    }

    @Test
    void correlationAsMatMulWithConstantTemplateOnTheLeft() throws Exception {
        // search features [1,C,H,W] -> [1,C,HW]; template [64,C] x features -> [1,64,HW] -> [1,64,H,W]
        TestGraph g = new TestGraph(3);
        g.input("x", 1, 3, 16, 16);
        g.node("Conv", "feat", attrs(ints("pads", 1, 1, 1, 1)), "x", g.weights(0.3, 24, 3, 3, 3));
        g.node("Reshape", "flat", "feat", g.int64s(1, 24, 256));
        g.node("MatMul", "corr", g.weights(0.2, 64, 24), "flat");
        g.node("Reshape", "map", "corr", g.int64s(1, 64, 16, 16));
        g.node("Conv", "y", "map", g.weights(0.1, 4, 64, 1, 1), g.weights(0.1, 4));
        g.output("y", 1, 4, 16, 16);
        agree(g, "corr_left");
    }

    @Test
    void correlationAsMatMulWithConstantTemplateOnTheRight() throws Exception {
        // features -> [1,H,W,C] -> [1,HW,C] x template^T [C,64] -> [1,HW,64] -> [1,64,HW] -> [1,64,H,W]
        TestGraph g = new TestGraph(4);
        g.input("x", 1, 3, 12, 12);
        g.node("Conv", "feat", attrs(ints("pads", 1, 1, 1, 1)), "x", g.weights(0.3, 16, 3, 3, 3));
        g.node("Transpose", "nhwc", attrs(ints("perm", 0, 2, 3, 1)), "feat");
        g.node("Reshape", "rows", "nhwc", g.int64s(1, 144, 16));
        g.node("MatMul", "corr", "rows", g.weights(0.2, 16, 64));
        g.node("Transpose", "cols", attrs(ints("perm", 0, 2, 1)), "corr");
        g.node("Reshape", "map", "cols", g.int64s(1, 64, 12, 12));
        g.node("Relu", "y", "map");
        g.output("y", 1, 64, 12, 12);
        agree(g, "corr_right");
    }

    @Test
    void gemmHeadsFlattenAndReduceMean() throws Exception {
        TestGraph g = new TestGraph(5);
        g.input("x", 1, 4, 10, 10);
        g.node("Conv", "c", attrs(ints("pads", 1, 1, 1, 1)), "x", g.weights(0.3, 8, 4, 3, 3));
        // Flatten of a feature map needs NCHW order: a real transpose inside the inference
        g.node("Flatten", "flat", "c");
        g.node("Gemm", "fc", attrs(i("transB", 1), f("alpha", 0.5f), f("beta", 2f)), "flat", g.weights(0.05, 10, 800),
                g.weights(1, 10));
        g.node("Relu", "a", "fc");
        g.output("a", 1, 10);
        // ReduceMean over H,W without keepdims, then a Gemm with the constant on the left
        g.node("ReduceMean", "pooled", attrs(ints("axes", 2, 3), i("keepdims", 0)), "c");
        g.node("Gemm", "b", attrs(i("transB", 1)), g.weights(0.3, 5, 8), "pooled", g.weights(1, 5, 1));
        g.output("b", 5, 1);
        // ReduceMean keepdims as an SE gate
        g.node("ReduceMean", "se", attrs(ints("axes", -2, -1)), "c");
        g.node("Sigmoid", "gate", "se");
        g.node("Mul", "z", "c", "gate");
        g.output("z", 1, 8, 10, 10);
        agree(g, "heads");
    }

    @Test
    void matMulAfterTransposedFeaturesAndMatMulBias() throws Exception {
        TestGraph g = new TestGraph(6);
        g.input("x", 1, 5, 6, 7);
        g.node("Conv", "c", "x", g.weights(0.3, 6, 5, 1, 1));
        // logical [1,6,6,7] x [7,3]: contracts W, which is not the channel axis
        g.node("MatMul", "m", "c", g.weights(0.3, 7, 3));
        g.node("Add", "y", "m", g.weights(1, 3));
        g.output("y", 1, 6, 6, 3);
        agree(g, "matmul_w");
    }

    @Test
    void depthwiseKernelsOfEverySizeStrideAndPadding() throws Exception {
        // kernels other than 3x3 and 5x5 run as sums of 5x5/3x3 windows when the pads allow, directly otherwise
        TestGraph g = new TestGraph(9);
        int c = 6, h = 15;
        g.input("x", 1, c, h, h);
        int[][] cases = { // kernel, stride, pad begin, pad end, dilation, channel multiplier
            {7, 1, 3, 3, 1, 1}, {7, 2, 3, 3, 1, 1}, {7, 1, 1, 1, 1, 1}, {4, 1, 1, 2, 1, 1}, {2, 2, 0, 0, 1, 1},
            {3, 1, 2, 2, 2, 1}, {7, 1, 6, 6, 2, 1}, {5, 2, 2, 2, 1, 2}, {7, 1, 3, 3, 1, 2}, {1, 1, 0, 0, 1, 1},
        };
        for (int i = 0; i < cases.length; i++) {
            int k = cases[i][0], st = cases[i][1], pb = cases[i][2], pe = cases[i][3], d = cases[i][4], mult = cases[i][5];
            long out = (h + pb + pe - ((long) (k - 1) * d + 1)) / st + 1;
            String y = "y" + i;
            g.node("Conv", y, attrs(ints("pads", pb, pb, pe, pe), ints("strides", st, st), ints("dilations", d, d),
                    i("group", c)), "x", g.weights(0.3, (long) c * mult, 1, k, k), g.weights(0.1, (long) c * mult));
            g.output(y, 1, (long) c * mult, out, out);
        }
        agree(g, "depthwise");
    }

    @Test
    void layoutEdgeCases() throws Exception {
        TestGraph g = new TestGraph(10);
        g.input("x", 1, 3, 5, 4);
        g.input("x2", 1, 3, 5, 4);
        // Flatten straight from a graph input: a host transpose before any XNNPACK node
        g.node("Flatten", "flat", "x");
        g.node("MatMul", "a", "flat", g.weights(0.2, 60, 7));
        g.output("a", 1, 7);
        // NCHW -> NHWC -> NCHW around an activation, into a Conv: pure relabelling
        g.node("Transpose", "t", attrs(ints("perm", 0, 2, 3, 1)), "x2");
        g.node("HardSwish", "h", "t");
        g.node("Transpose", "back", attrs(ints("perm", 0, 3, 1, 2)), "h");
        g.node("Conv", "b", "back", g.weights(0.5, 2, 3, 1, 1));
        g.output("b", 1, 2, 5, 4);
        // two inputs meeting, a transposed output, and a rank-3 broadcast against a transposed layout
        g.node("Add", "s", "x", "x2");
        g.node("Transpose", "c", attrs(ints("perm", 0, 3, 2, 1)), "s");
        g.output("c", 1, 4, 5, 3);
        g.node("Mul", "d", "t", g.weights(1, 5, 4, 3));
        g.output("d", 1, 5, 4, 3);
        agree(g, "layout_edges");
    }

    @Test
    void unsupportedConstructsAreErrorsNamingTheNode() throws Exception {
        TestGraph g = new TestGraph(7);
        g.input("x", 1, 2, 4, 4);
        g.node("MaxPool", "y", attrs(ints("kernel_shape", 2, 2)), "x");
        g.output("y", 1, 2, 3, 3);
        Path file = g.write(dir.resolve("maxpool.onnx"));
        RunnerError e = assertThrows(RunnerError.class, () -> NativeRunner.open(file, RunnerOptions.cpu(1)));
        assertEquals(RunnerStatus.UNSUPPORTED.protocolName(), e.code());
        assertTrue(e.getMessage().contains("MaxPool") && e.getMessage().contains("y_node") && e.getMessage().contains("Conv"),
                e.getMessage());

        TestGraph m = new TestGraph(8);
        m.input("x", 1, 2, 4, 4);
        m.node("MatMul", "y", "x", "x");
        m.output("y", 1, 2, 4, 4);
        Path both = m.write(dir.resolve("matmul_vars.onnx"));
        e = assertThrows(RunnerError.class, () -> NativeRunner.open(both, RunnerOptions.cpu(1)));
        assertEquals(RunnerStatus.UNSUPPORTED.protocolName(), e.code());
        assertTrue(e.getMessage().contains("exactly one operand must be a constant"), e.getMessage());
    }
}
