package dev.lighttrack.bench.space;

/**
 * A prediction conv: 3x3 with bias to 1 channel (cls, output x 0.1) or 4 channels (reg, ReLU then x stride).
 */
public record PredUnit(String name, TensorShape input, int outChannels, float scale, boolean relu)
        implements NetUnit {
    @Override
    public String kind() {
        return "pred" + outChannels;
    }

    @Override
    public TensorShape output() {
        return input.withChannels(outChannels);
    }

    @Override
    public Cost cost() {
        return Cost.conv(output(), input.channels(), 1, 3, true);
    }
}
