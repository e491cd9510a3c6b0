package dev.lighttrack.bench.space;

/** The six choices of a searchable backbone block: index = 3 * kernel index + expansion index. */
public enum BlockChoice {
    K3_E4(3, 4), K3_E6(3, 6), K5_E4(5, 4), K5_E6(5, 6), K7_E4(7, 4), K7_E6(7, 6);

    private final int kernel;
    private final int expansion;

    BlockChoice(int kernel, int expansion) {
        this.kernel = kernel;
        this.expansion = expansion;
    }

    public int kernel() {
        return kernel;
    }

    public int expansion() {
        return expansion;
    }

    public int digit() {
        return ordinal();
    }

    public static BlockChoice ofDigit(int digit) {
        return values()[digit];
    }

    public String label() {
        return "k" + kernel + "e" + expansion;
    }
}
