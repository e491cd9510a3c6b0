package dev.lighttrack.bench.space;

/**
 * One building block of a subnet, at the granularity the cost model, the exporter and the lookup tables
 * share. Every unit knows its real input and output shape.
 */
public sealed interface NetUnit permits StemUnit, DsUnit, IrUnit, NeckUnit, CorrelationUnit, ChannelAttentionUnit,
        AdjustUnit, TowerLayerUnit, PredUnit {
    /** Stable, unique name inside a subnet, used for ONNX node names and per-op records. */
    String name();

    /** What kind of unit this is, with its shape-independent parameters (e.g. "ir_k7e6_s2"). */
    String kind();

    TensorShape input();

    /** The shape it produces; by default its input's (a unit that keeps the shape says nothing more). */
    default TensorShape output() {
        return input();
    }

    Cost cost();

    /** Squeeze-excite width of timm's SqueezeExcite with reduce_mid and divisor 8. */
    static int seWidth(int channels) {
        return makeDivisible(channels * 0.25, 8);
    }

    /** timm's make_divisible: round to the nearest multiple, never below the divisor or 90% of the value. */
    static int makeDivisible(double v, int divisor) {
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * v ? rounded + divisor : rounded;
    }

    /** Cost of a squeeze-excite on {@code shape}: average pool, 1x1 reduce and expand with bias. */
    static Cost squeezeExcite(TensorShape shape) {
        int se = seWidth(shape.channels());
        TensorShape pooled = new TensorShape(shape.channels(), 1, 1);
        return Cost.globalAveragePool(shape)
                .plus(Cost.conv(pooled.withChannels(se), shape.channels(), 1, 1, true))
                .plus(Cost.conv(pooled, se, 1, 1, true));
    }
}
