package dev.lighttrack.bench.space;

/**
 * An inverted-residual block (MBConv) with SE: pw expand + BN + Swish, dw k x k (stride) + BN + Swish,
 * SE on the expanded width, pw project + BN; residual when stride 1 and widths match.
 */
public record IrUnit(String name, TensorShape input, int outChannels, BlockChoice choice, int stride)
        implements NetUnit {
    @Override
    public String kind() {
        return "ir_" + choice.label() + "_s" + stride;
    }

    public int midChannels() {
        return input.channels() * choice.expansion();
    }

    public boolean residual() {
        return stride == 1 && input.channels() == outChannels;
    }

    public TensorShape expanded() {
        return input.withChannels(midChannels());
    }

    public TensorShape depthwiseOutput() {
        return expanded().conv(midChannels(), choice.kernel(), stride);
    }

    @Override
    public TensorShape output() {
        return depthwiseOutput().withChannels(outChannels);
    }

    @Override
    public Cost cost() {
        int mid = midChannels();
        TensorShape dw = depthwiseOutput();
        return Cost.conv(expanded(), input.channels(), 1, 1, false).plus(Cost.batchNorm(expanded()))
                .plus(Cost.conv(dw, mid, mid, choice.kernel(), false)).plus(Cost.batchNorm(dw))
                .plus(NetUnit.squeezeExcite(dw))
                .plus(Cost.conv(output(), mid, 1, 1, false)).plus(Cost.batchNorm(output()));
    }
}
