package dev.lighttrack.bench.space;

/** Channel attention on the correlation map: avg pool, 1x1 conv + ReLU, 1x1 conv + sigmoid, scale. */
public record ChannelAttentionUnit(String name, TensorShape input) implements NetUnit {
    @Override
    public String kind() {
        return "channel_attention";
    }

    @Override
    public Cost cost() {
        TensorShape pooled = new TensorShape(input.channels(), 1, 1);
        return Cost.globalAveragePool(input).plus(Cost.conv(pooled, input.channels(), 1, 1, true))
                .plus(Cost.conv(pooled, input.channels(), 1, 1, true));
    }
}
