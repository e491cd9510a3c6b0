package dev.lighttrack.bench.space;

/** One tower layer: dw k x k (no bias), pw 1x1 (no bias), BN, ReLU; or skip (identity). */
public record TowerLayerUnit(String name, TensorShape input, int outChannels, HeadLayerChoice choice)
        implements NetUnit {
    public TowerLayerUnit {
        if (choice == HeadLayerChoice.SKIP && input.channels() != outChannels) {
            throw new IllegalArgumentException("a skip layer cannot change the width");
        }
    }

    @Override
    public String kind() {
        return choice.label() + (choice == HeadLayerChoice.SKIP ? "" : "_" + input.channels() + "_" + outChannels);
    }

    @Override
    public TensorShape output() {
        return input.withChannels(outChannels);
    }

    @Override
    public Cost cost() {
        if (choice == HeadLayerChoice.SKIP) {
            return Cost.ZERO;
        }
        int c = input.channels();
        return Cost.conv(input, c, c, choice.kernel(), false)
                .plus(Cost.conv(output(), c, 1, 1, false)).plus(Cost.batchNorm(output()));
    }
}
