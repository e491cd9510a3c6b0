package dev.lighttrack.bench.space;

/** The stem: 3x3 stride-2 conv 3 to 16, BN, Swish. */
public record StemUnit(String name, TensorShape input) implements NetUnit {
    @Override
    public String kind() {
        return "stem";
    }

    @Override
    public TensorShape output() {
        return input.conv(SearchSpace.STEM_CHANNELS, 3, 2);
    }

    @Override
    public Cost cost() {
        return Cost.conv(output(), input.channels(), 1, 3, false).plus(Cost.batchNorm(output()));
    }
}
