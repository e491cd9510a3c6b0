package dev.lighttrack.bench.space;

/** The 1x1 adjust conv (with bias) that maps the correlation map to 128 channels for both heads. */
public record AdjustUnit(String name, TensorShape input) implements NetUnit {
    @Override
    public String kind() {
        return "adjust";
    }

    @Override
    public TensorShape output() {
        return input.withChannels(SearchSpace.ADJUST_CHANNELS);
    }

    @Override
    public Cost cost() {
        return Cost.conv(output(), input.channels(), 1, 1, true);
    }
}
