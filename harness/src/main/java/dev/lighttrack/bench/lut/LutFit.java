package dev.lighttrack.bench.lut;

/**
 * The correction a table adds to the sum of its entries, fitted by least squares to whole-model runs:
 * {@code predicted = Σ entries + overheadUs + perOpUs × ops}. {@code overheadUs} is what one inference of a
 * whole model costs beyond its ops (input and output handling, dispatch); {@code perOpUs} (usually negative)
 * takes back what every standalone op model measured on top of its op, which a whole model pays only once.
 */
public record LutFit(String method, int subnets, double overheadUs, double perOpUs, double rmsResidualUs) {
    public double correctionUs(int ops) {
        return overheadUs + perOpUs * ops;
    }
}
