package dev.lighttrack.bench.lut;

/**
 * The correction a table applies to the sum of its entries, fitted to whole-model runs:
 * {@code predicted = scale × Σ entries + overheadUs + perOpUs × ops}. {@code overheadUs} is what one inference of
 * a whole model costs beyond its ops (input and output handling, dispatch); {@code perOpUs} (usually negative)
 * takes back what every standalone op model measured on top of its op, which a whole model pays only once;
 * {@code scale} covers a runtime that is uniformly faster or slower on whole graphs (caches, fusion across
 * blocks). Which of these terms are fitted is chosen by leave-one-out error ({@link OverheadFitter}); the others
 * stay at 0 (or 1 for the scale).
 */
public record LutFit(String method, int subnets, double scale, double overheadUs, double perOpUs,
                     double rmsResidualUs, double looRmsUs) {
    public double predictUs(double opSumUs, int ops) {
        return scale * opSumUs + overheadUs + perOpUs * ops;
    }
}
