package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LutBuildReport;
import dev.lighttrack.bench.lut.LutBuilder;
import dev.lighttrack.bench.lut.LutFit;
import dev.lighttrack.bench.lut.LutStatistic;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.lut.OpModelCache;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.OpenedTarget;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench lut build}. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.ForLut.class,
        description = {"Measure every distinct op of the space on one device and backend into a lookup table, then "
                + "measure whole subnets end to end and fit the per-inference overhead to them.",
            "Entries are saved as they complete: after an interruption, the same command measures only the rest.",
            "--min-seconds defaults to " + MeasurementDefaults.LUT_MIN_SECONDS + " here, not 1 as for bench: a table "
                + "times hundreds of small models."})
final class LutBuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LutTargetOptions target;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    SpaceOption budget;

    @Option(names = "--fit-samples", defaultValue = "12", paramLabel = "N",
            description = "Random subnets measured end to end to fit the overhead, 1-" + MAX_FIT_SAMPLES
                    + " (default ${DEFAULT-VALUE}).")
    int fitSamples;

    static final int MAX_FIT_SAMPLES = 1_000;

    @Option(names = "--fit-seed", defaultValue = "20210427", paramLabel = "S",
            description = "Seed of those subnets (default ${DEFAULT-VALUE}); validate with another seed.")
    long fitSeed;

    @Option(names = "--statistic", defaultValue = "p50", paramLabel = "S",
            description = "What the table predicts: p50 (median, default) or p10 (steadier on a host shared with "
                    + "other work). Changing it on a complete table refits without measuring.")
    String statistic;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The table file. Default: results/luts/<profile>-<backend>-<precision>.json "
                    + "(virtual-<profile> for virtual devices, -t<N> added for N threads).")
    Path out;



    @Override
    public Integer call() {
        int size = searchSize.checked();
        new SettingRange(1, MAX_FIT_SAMPLES).check("fitSamples", fitSamples);
        if (out != null && Files.isDirectory(out)) {
            throw new InvalidSetting("out", out + " is a folder: name the table file, e.g. "
                    + out.resolve("table.json"));
        }
        boolean json = OutputOptions.of(spec).json;
        var space = budget.space();
        LutStatistic stat;
        try {
            stat = LutStatistic.parse(statistic);
        } catch (BenchException e) {
            throw new InvalidSetting("statistic", statistic + ": expected p50 or p10");
        }
        ModelResolver wholeModels = BenchHome.models();
        OpModelCache opModels = new OpModelCache(BenchHome.results("models").resolve("ops"), 0);
        LutBuilder.Result result;
        Path file;
        try (OpenedTarget opened = target.open()) {
            file = out != null ? out : defaultTable(opened.target().info(), opened.settings());
            LutBuilder builder = new LutBuilder(opened.target(), opened.settings(), opModels, wholeModels,
                    target.batchSize, target.stopping.rule(), ProgressLine.forStderr());
            // Ctrl-C (exit 130) ends the JVM mid-build: say that nothing measured is lost and how to go on
            Path table = file;
            Thread resumeHint = new Thread(() -> System.err.println("bench: interrupted; every entry measured so far"
                    + " is saved in " + table + ": rerun the same command to measure only the rest"), "lut resume hint");
            Runtime.getRuntime().addShutdownHook(resumeHint);
            try {
                result = builder.build(new LutBuilder.Request(file, space, size,
                        SubnetBuilder.DEFAULT_TEMPLATE_SIZE, fitSamples, fitSeed, stat));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(resumeHint);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it says it
                }
            }
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        LutFit fit = result.table().fit();
        if (json) {
            System.out.println(JsonMapper.write(LutBuildReport.of(file.toString(), result)));
        } else {
            System.out.printf("%s: %d entries (%d measured now), %d whole subnets (%d measured now)%n", file,
                    result.entries(), result.opsMeasured(), result.table().wholeModels().size(),
                    result.wholeModelsMeasured());
            System.out.printf("  fit: %.4f x sum %+.1f us per inference %+.2f us per op, rms residual %.1f us, "
                    + "leave-one-out %.1f us (%s)%n", fit.scale(), fit.overheadUs(), fit.perOpUs(),
                    fit.rmsResidualUs(), fit.looRmsUs(), fit.method());
            if (result.opsMeasured() > 0) {
                System.out.printf("  ops: %.1f s wall, %.1f s in timed inferences (harness efficiency %.1f%%); "
                        + "total %.1f s%n", result.opWallSeconds(), result.opSampledSeconds(),
                        100 * result.efficiency(), result.wallSeconds());
            }
        }
        return 0;
    }

    static Path defaultTable(TargetInfo info, RunSettings settings) {
        String profile = (info.virtual() ? "virtual-" : "") + info.profile();
        String threads = settings.threads() > 1 ? "-t" + settings.threads() : "";
        return BenchHome.results("luts").resolve(
                profile + "-" + settings.backend() + "-" + settings.precision() + threads + ".json");
    }
}
