package dev.lighttrack.bench.space;

/** The BN neck: separate batch norms on the template and on the search features before correlation. */
public record NeckUnit(String name, TensorShape input, TensorShape template) implements NetUnit {
    @Override
    public String kind() {
        return "neck_bn";
    }

    @Override
    public Cost cost() {
        return Cost.batchNorm(input).plus(Cost.batchNorm(template));
    }
}
