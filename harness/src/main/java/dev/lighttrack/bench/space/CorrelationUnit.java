package dev.lighttrack.bench.space;

/**
 * Pixel-wise correlation: every template pixel (a 1x1xC kernel) against the search features, giving
 * Hz*Wz channels. No learned weights; a matmul that thop does not count.
 */
public record CorrelationUnit(String name, TensorShape input, TensorShape template) implements NetUnit {
    @Override
    public String kind() {
        return "correlation";
    }

    public int kernels() {
        return template.height() * template.width();
    }

    @Override
    public TensorShape output() {
        return input.withChannels(kernels());
    }

    @Override
    public Cost cost() {
        return Cost.correlation((long) kernels() * input.channels() * input.height() * input.width());
    }
}
