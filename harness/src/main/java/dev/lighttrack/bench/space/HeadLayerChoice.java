package dev.lighttrack.bench.space;

/** Choices of one cls/reg tower layer: depthwise-separable 3x3, 5x5, or skip (identity). */
public enum HeadLayerChoice {
    DSCONV3(3), DSCONV5(5), SKIP(0);

    private final int kernel;

    HeadLayerChoice(int kernel) {
        this.kernel = kernel;
    }

    /** Depthwise kernel size; 0 for skip. */
    public int kernel() {
        return kernel;
    }

    public int digit() {
        return ordinal();
    }

    public static HeadLayerChoice ofDigit(int digit) {
        return values()[digit];
    }

    public String label() {
        return this == SKIP ? "skip" : "dsconv" + kernel;
    }
}
