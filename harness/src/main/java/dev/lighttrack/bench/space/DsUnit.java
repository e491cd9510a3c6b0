package dev.lighttrack.bench.space;

/** The fixed depthwise-separable block: dw 3x3 + BN + Swish, SE, pw 1x1 + BN (no activation), residual. */
public record DsUnit(String name, TensorShape input) implements NetUnit {
    @Override
    public String kind() {
        return "ds_k3";
    }

    @Override
    public Cost cost() {
        int c = input.channels();
        return Cost.conv(input, c, c, 3, false).plus(Cost.batchNorm(input))
                .plus(NetUnit.squeezeExcite(input))
                .plus(Cost.conv(input, c, 1, 1, false)).plus(Cost.batchNorm(input));
    }
}
