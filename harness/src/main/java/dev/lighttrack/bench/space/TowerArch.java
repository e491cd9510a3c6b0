package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.BenchException;
import java.util.List;

/** One head tower (cls or reg): a width for the whole tower and one choice per layer. */
public record TowerArch(int widthIndex, List<HeadLayerChoice> layers) {
    public static final int[] WIDTHS = {128, 192, 256};
    public static final int DEPTH = 8;

    public TowerArch {
        if (widthIndex < 0 || widthIndex >= WIDTHS.length) {
            throw BenchException.badInput("tower width index " + widthIndex + " is not one of 0, 1, 2");
        }
        layers = List.copyOf(layers);
        if (layers.size() != DEPTH) {
            throw BenchException.badInput("a tower has " + DEPTH + " layers, got " + layers.size());
        }
        if (layers.get(0) == HeadLayerChoice.SKIP) {
            throw BenchException.badInput("the first tower layer may not be skip: it maps 128 channels to the tower width");
        }
    }

    public int width() {
        return WIDTHS[widthIndex];
    }
}
