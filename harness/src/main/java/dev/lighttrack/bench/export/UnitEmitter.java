package dev.lighttrack.bench.export;

import static dev.lighttrack.bench.export.OnnxGraphBuilder.floatAttr;
import static dev.lighttrack.bench.export.OnnxGraphBuilder.intAttr;
import static dev.lighttrack.bench.export.OnnxGraphBuilder.ints;

import ai.onnx.proto.OnnxMl;
import dev.lighttrack.bench.space.AdjustUnit;
import dev.lighttrack.bench.space.ChannelAttentionUnit;
import dev.lighttrack.bench.space.CorrelationUnit;
import dev.lighttrack.bench.space.DsUnit;
import dev.lighttrack.bench.space.HeadLayerChoice;
import dev.lighttrack.bench.space.IrUnit;
import dev.lighttrack.bench.space.NeckUnit;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.PredUnit;
import dev.lighttrack.bench.space.StemUnit;
import dev.lighttrack.bench.space.TensorShape;
import dev.lighttrack.bench.space.TowerLayerUnit;

/**
 * Writes the ONNX nodes of one unit at a time, with batch norms folded into the convolutions before them.
 * Node names are {@code <unit name>/<part>}, so per-op timings map back to units. The BN neck has no node
 * of its own: it folds into the correlation that follows it (template side into the constant template
 * features, search side into the correlation's weights and bias).
 */
final class UnitEmitter {
    private final OnnxGraphBuilder g;
    private final WeightFactory w;
    private NeckUnit pendingNeck;

    UnitEmitter(OnnxGraphBuilder graph, WeightFactory weights) {
        this.g = graph;
        this.w = weights;
    }

    /** Emits the unit reading tensor {@code in}; returns the name of its output tensor. */
    String emit(NetUnit unit, String in) {
        if (pendingNeck != null && !(unit instanceof CorrelationUnit)) {
            throw new IllegalArgumentException("the BN neck exports only together with the correlation it folds into");
        }
        String out;
        if (unit instanceof StemUnit u) {
            out = swish(u.name() + "/act", conv(u.name() + "/conv", in, u.input(), u.output().channels(), 3, 2, 1,
                    Bias.BATCH_NORM), u.output());
        } else if (unit instanceof DsUnit u) {
            out = ds(u, in);
        } else if (unit instanceof IrUnit u) {
            out = ir(u, in);
        } else if (unit instanceof NeckUnit u) {
            pendingNeck = u;
            return in;
        } else if (unit instanceof CorrelationUnit u) {
            out = correlation(u, in);
        } else if (unit instanceof ChannelAttentionUnit u) {
            out = channelAttention(u, in);
        } else if (unit instanceof AdjustUnit u) {
            out = conv(u.name() + "/conv", in, u.input(), u.output().channels(), 1, 1, 1, Bias.PLAIN);
        } else if (unit instanceof TowerLayerUnit u) {
            out = towerLayer(u, in);
        } else if (unit instanceof PredUnit u) {
            out = pred(u, in);
        } else {
            throw new IllegalStateException("no exporter for " + unit);
        }
        return out;
    }

    /** Fails when a chain ended on a neck that was never folded. */
    void finish() {
        if (pendingNeck != null) {
            throw new IllegalArgumentException("the BN neck exports only together with the correlation it folds into");
        }
    }

    private String ds(DsUnit u, String in) {
        int c = u.input().channels();
        String dw = swish(u.name() + "/dw_act", conv(u.name() + "/dw", in, u.input(), c, 3, 1, c, Bias.BATCH_NORM),
                u.input());
        String se = squeezeExcite(u.name() + "/se", dw, u.input());
        String pw = conv(u.name() + "/pw", se, u.input(), c, 1, 1, 1, Bias.BATCH_NORM);
        return add(u.name() + "/add", pw, in, u.output());
    }

    private String ir(IrUnit u, String in) {
        int mid = u.midChannels();
        String pw = swish(u.name() + "/pw_act",
                conv(u.name() + "/pw", in, u.input(), mid, 1, 1, 1, Bias.BATCH_NORM), u.expanded());
        String dw = swish(u.name() + "/dw_act",
                conv(u.name() + "/dw", pw, u.expanded(), mid, u.choice().kernel(), u.stride(), mid, Bias.BATCH_NORM),
                u.depthwiseOutput());
        String se = squeezeExcite(u.name() + "/se", dw, u.depthwiseOutput());
        String pwl = conv(u.name() + "/pwl", se, u.depthwiseOutput(), u.outChannels(), 1, 1, 1, Bias.BATCH_NORM);
        return u.residual() ? add(u.name() + "/add", pwl, in, u.output()) : pwl;
    }

    private String squeezeExcite(String name, String in, TensorShape shape) {
        int se = NetUnit.seWidth(shape.channels());
        TensorShape pooled = new TensorShape(shape.channels(), 1, 1);
        String pool = g.node("GlobalAveragePool", name + "/pool", in);
        g.shape(pool, pooled);
        String reduce = conv(name + "/reduce", pool, pooled, se, 1, 1, 1, Bias.PLAIN);
        String relu = relu(name + "/relu", reduce, pooled.withChannels(se));
        String expand = conv(name + "/expand", relu, pooled.withChannels(se), shape.channels(), 1, 1, 1, Bias.PLAIN);
        // timm's hard_sigmoid: relu6(x + 3) / 6
        String gate = g.node("HardSigmoid", name + "/gate",
                new OnnxMl.AttributeProto[] {floatAttr("alpha", 1f / 6f), floatAttr("beta", 0.5f)}, expand);
        g.shape(gate, pooled);
        return mul(name + "/scale", in, gate, shape);
    }

    /** The correlation as a 1x1 conv whose kernels are the (constant) template feature pixels. */
    private String correlation(CorrelationUnit u, String in) {
        TensorShape z = u.template();
        int channels = z.channels();
        int kernels = u.kernels();
        // Template features stand in for a real template's; their values do not change the timing.
        float[] zf = w.gaussian(channels * kernels, 1.0 / Math.sqrt(channels));
        float[] weights = new float[kernels * channels];
        float[] bias = new float[kernels];
        WeightFactory.BatchNormFold zBn = pendingNeck == null ? null : w.batchNorm(channels);
        WeightFactory.BatchNormFold xBn = pendingNeck == null ? null : w.batchNorm(channels);
        for (int k = 0; k < kernels; k++) {
            for (int c = 0; c < channels; c++) {
                float zv = zf[c * kernels + k];
                if (zBn != null) {
                    zv = zv * zBn.scale()[c] + zBn.shift()[c];
                }
                weights[k * channels + c] = xBn == null ? zv : zv * xBn.scale()[c];
                if (xBn != null) {
                    bias[k] += zv * xBn.shift()[c];
                }
            }
        }
        pendingNeck = null;
        String name = u.name() + "/conv";
        String wName = g.initializer(name + ".weight", weights, kernels, channels, 1, 1);
        String bName = g.initializer(name + ".bias", bias, kernels);
        String out = g.node("Conv", name, convAttributes(1, 1, 1), in, wName, bName);
        g.shape(out, u.output());
        return out;
    }

    private String channelAttention(ChannelAttentionUnit u, String in) {
        TensorShape pooled = new TensorShape(u.input().channels(), 1, 1);
        String pool = g.node("GlobalAveragePool", u.name() + "/pool", in);
        g.shape(pool, pooled);
        String fc1 = relu(u.name() + "/relu", conv(u.name() + "/fc1", pool, pooled, pooled.channels(), 1, 1, 1,
                Bias.PLAIN), pooled);
        String fc2 = conv(u.name() + "/fc2", fc1, pooled, pooled.channels(), 1, 1, 1, Bias.PLAIN);
        String gate = g.node("Sigmoid", u.name() + "/gate", fc2);
        g.shape(gate, pooled);
        return mul(u.name() + "/scale", in, gate, u.output());
    }

    private String towerLayer(TowerLayerUnit u, String in) {
        if (u.choice() == HeadLayerChoice.SKIP) {
            return in;
        }
        int c = u.input().channels();
        String dw = conv(u.name() + "/dw", in, u.input(), c, u.choice().kernel(), 1, c, Bias.NONE);
        String pw = conv(u.name() + "/pw", dw, u.input(), u.output().channels(), 1, 1, 1, Bias.BATCH_NORM);
        return relu(u.name() + "/relu", pw, u.output());
    }

    /** cls: conv x 0.1; reg: relu(conv) x stride. Positive scales fold into the conv weights and bias. */
    private String pred(PredUnit u, String in) {
        String conv = conv(u.name() + "/conv", in, u.input(), u.output().channels(), 3, 1, 1, Bias.PLAIN, u.scale());
        return u.relu() ? relu(u.name() + "/relu", conv, u.output()) : conv;
    }

    private enum Bias { NONE, PLAIN, BATCH_NORM }

    private String conv(String name, String in, TensorShape inShape, int outChannels, int k, int stride, int groups,
                        Bias bias) {
        return conv(name, in, inShape, outChannels, k, stride, groups, bias, 1f);
    }

    private String conv(String name, String in, TensorShape inShape, int outChannels, int k, int stride, int groups,
                        Bias bias, float scale) {
        int inPerGroup = inShape.channels() / groups;
        float[] weights = w.convWeights(outChannels * inPerGroup * k * k, inPerGroup * k * k);
        float[] b = null;
        if (bias == Bias.PLAIN) {
            b = w.bias(outChannels);
        } else if (bias == Bias.BATCH_NORM) {
            b = new float[outChannels];
            w.batchNorm(outChannels).foldInto(weights, b);
        }
        if (scale != 1f) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= scale;
            }
            for (int i = 0; b != null && i < b.length; i++) {
                b[i] *= scale;
            }
        }
        String wName = g.initializer(name + ".weight", weights, outChannels, inPerGroup, k, k);
        String out = b == null
                ? g.node("Conv", name, convAttributes(k, stride, groups), in, wName)
                : g.node("Conv", name, convAttributes(k, stride, groups), in, wName,
                        g.initializer(name + ".bias", b, outChannels));
        g.shape(out, inShape.conv(outChannels, k, stride));
        return out;
    }

    private static OnnxMl.AttributeProto[] convAttributes(int k, int stride, int groups) {
        int pad = ((stride - 1) + (k - 1)) / 2;
        return new OnnxMl.AttributeProto[] {ints("kernel_shape", k, k), ints("strides", stride, stride),
            ints("pads", pad, pad, pad, pad), ints("dilations", 1, 1), intAttr("group", groups)};
    }

    /** Swish as x * sigmoid(x): opset 13 has no Swish operator. */
    private String swish(String name, String in, TensorShape shape) {
        String sig = g.node("Sigmoid", name + "_sigmoid", in);
        g.shape(sig, shape);
        return mul(name, in, sig, shape);
    }

    private String relu(String name, String in, TensorShape shape) {
        String out = g.node("Relu", name, in);
        g.shape(out, shape);
        return out;
    }

    private String mul(String name, String a, String b, TensorShape shape) {
        String out = g.node("Mul", name, a, b);
        g.shape(out, shape);
        return out;
    }

    private String add(String name, String a, String b, TensorShape shape) {
        String out = g.node("Add", name, a, b);
        g.shape(out, shape);
        return out;
    }
}
