package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LutFiles;
import dev.lighttrack.bench.lut.LutTable;
import dev.lighttrack.bench.lut.LutValidationReport;
import dev.lighttrack.bench.lut.LutValidator;
import dev.lighttrack.bench.lut.OpKindAttribution;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.report.ScatterPlot;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.OpenedTarget;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.stats.PredictionAccuracy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench lut validate}. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.ForLut.class,
        description = {"Measure random subnets end to end and compare them with the table's predictions: RMSE, MAPE, "
                + "share within 5%% and 10%%, Kendall tau and Spearman rho (and the same rank statistics for MACs).",
            "Writes report.json and scatter.png (predicted vs measured) to --out.",
            "--min-seconds defaults to " + MeasurementDefaults.LUT_MIN_SECONDS + " here, as for lut build: the "
                + "subnets are measured as the table was."})
final class LutValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    LutTargetOptions target;

    @Option(names = "--lut", required = true, paramLabel = "FILE", description = "The table to validate.")
    Path lut;

    @Option(names = "--samples", defaultValue = "50", paramLabel = "N",
            description = "Random subnets to measure, 2-" + MAX_SAMPLES + " (default ${DEFAULT-VALUE}).")
    int samples;

    static final int MAX_SAMPLES = 10_000;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Their seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--retest", description = "Measure every subnet a second time (reverse order) and report how "
            + "well one measurement predicts the other: the target's noise floor.")
    boolean retest;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder. Default: results/luts/validate-<time>/.")
    Path out;



    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        new SettingRange(2, MAX_SAMPLES).check("samples", samples);
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidSetting("out", out + " is a file: name the report folder");
        }
        LutTable table = LutFiles.read(lut);
        List<Architecture> archs = LutValidator.sample(table, samples, seed);
        Path dir = out != null ? out : BenchHome.results("luts").resolve("validate-" + STAMP.format(Instant.now()));
        LutValidator.Result result;
        int rounds;
        try (OpenedTarget opened = target.open()) {
            rounds = opened.settings().rounds();
            LutValidator validator = new LutValidator(opened.target(), opened.settings(),
                    BenchHome.models(), target.batchSize, target.stopping.rule(),
                    ProgressLine.forStderr());
            result = validator.validate(table, lut.toString(), archs, retest);
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        LutValidationReport report = LutValidationReport.of(lut.toString(), table, seed, result,
                new LutValidationReport.Settings(target.measurement.warmup, target.measurement.iterations,
                        target.measurement.minSeconds, rounds, target.stopping.targetCi));
        AtomicFiles.write(dir.resolve("report.json"), (JsonMapper.write(report) + "\n").getBytes(StandardCharsets.UTF_8));
        double[] measured = result.rows().stream().mapToDouble(r -> r.measuredUs() / 1000).toArray();
        double[] predicted = result.rows().stream().mapToDouble(r -> r.predictedUs() / 1000).toArray();
        Path plot = dir.resolve("scatter.png");
        ScatterPlot.write(plot, "LUT " + lut.getFileName() + ": " + samples + " subnets, seed " + seed, measured,
                predicted);
        if (json) {
            System.out.println(JsonMapper.write(report));
        } else {
            PredictionAccuracy a = result.accuracy();
            System.out.printf("%d subnets (seed %d) on %s %s: %.0f%% within ±10%%, %.0f%% within ±5%%, MAPE %.1f%%, "
                    + "RMSE %.3f ms%n", a.samples(), seed, table.key().profile(), table.key().backend(),
                    100 * a.within10pct(), 100 * a.within5pct(), 100 * a.mape(), a.rmseUs() / 1000);
            System.out.printf("  rank: Kendall tau %.3f, Spearman rho %.3f (MACs: tau %.3f, rho %.3f)%n",
                    a.kendallTau(), a.spearmanRho(), result.macsKendallTau(), result.macsSpearmanRho());
            if (result.retest() != null) {
                PredictionAccuracy r = result.retest();
                System.out.printf("  retest (noise floor): %.0f%% within ±10%%, %.0f%% within ±5%%, MAPE %.1f%%, "
                        + "Kendall tau %.3f%n", 100 * r.within10pct(), 100 * r.within5pct(), 100 * r.mape(),
                        r.kendallTau());
            }
            OpKindAttribution.Result k = result.byKind();
            if (k.interceptUs() != null) {
                System.out.printf("  where the sum misses the graph (whole = %.3f ms + factor x each kind's entries; "
                        + "±1 standard error):%n", k.interceptUs() / 1000);
                for (OpKindAttribution.Kind kind : k.kinds()) {
                    System.out.printf("    %-14s %4.1f%% of the sum  %s%n", kind.kind(), 100 * kind.shareOfSum(),
                            kind.factor() == null ? "(same in every subnet: in the constant)"
                                    : String.format(java.util.Locale.ROOT, "factor %.2f ± %.2f", kind.factor(),
                                            kind.factorStdError()));
                }
            }
            if (!result.unconverged().isEmpty()) {
                System.out.printf("  %d subnet(s) did NOT reach --target-ci %s%%: listed in the report's "
                        + "not_converged%n", result.unconverged().size(), target.stopping.targetCi);
            }
            System.out.printf("  report %s, plot %s%n", dir.resolve("report.json"), plot);
        }
        return 0;
    }
}
