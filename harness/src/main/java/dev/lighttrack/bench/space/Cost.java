package dev.lighttrack.bench.space;

/**
 * Cost of a part of the network by thop's rules (MACs, not 2 x MACs): a convolution counts
 * out_elements x (in/groups x k x k) multiply-accumulates plus out_elements bias additions when it has a bias,
 * batch norm counts 2 x elements, an adaptive average pool counts out_elements x (pooled elements + 1).
 * thop does not see the pixel-wise correlation (a matmul), so it is kept apart in {@code correlationMacs}
 * and left out of {@link #macs()}.
 */
public record Cost(long convMacs, long convBiasOps, long bnMacs, long poolMacs, long correlationMacs, long params) {
    public static final Cost ZERO = new Cost(0, 0, 0, 0, 0, 0);

    /** thop's total. */
    public long macs() {
        return convMacs + convBiasOps + bnMacs + poolMacs;
    }

    /** Convolutions as thop counts them (bias additions included). */
    public long thopConvMacs() {
        return convMacs + convBiasOps;
    }

    public Cost plus(Cost o) {
        return new Cost(convMacs + o.convMacs, convBiasOps + o.convBiasOps, bnMacs + o.bnMacs, poolMacs + o.poolMacs,
                correlationMacs + o.correlationMacs, params + o.params);
    }

    public static Cost conv(TensorShape out, int inChannels, int groups, int kernel, boolean bias) {
        long perOutput = (long) inChannels / groups * kernel * kernel;
        long params = (long) out.channels() * (inChannels / groups) * kernel * kernel + (bias ? out.channels() : 0);
        return new Cost(out.elements() * perOutput, bias ? out.elements() : 0, 0, 0, 0, params);
    }

    public static Cost batchNorm(TensorShape shape) {
        return new Cost(0, 0, 2 * shape.elements(), 0, 0, 2L * shape.channels());
    }

    public static Cost globalAveragePool(TensorShape in) {
        return new Cost(0, 0, 0, in.channels() * ((long) in.height() * in.width() + 1), 0, 0);
    }

    public static Cost correlation(long macs) {
        return new Cost(0, 0, 0, 0, macs, 0);
    }
}
