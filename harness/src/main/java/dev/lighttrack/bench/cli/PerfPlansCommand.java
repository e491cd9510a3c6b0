package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.perf.PlanComparison;
import dev.lighttrack.bench.perf.PlanComparisonReport;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.session.OpenedTarget;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.Architecture;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench perf plans}: one block per model against interleaved rounds, by their retest agreement. */
@Command(name = "plans", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.ForLut.class,
        description = {"What interleaving buys, on one target in one run: --samples random subnets measured one block "
                + "each (the old plan) and interleaved in --rounds rounds (the plan), with the same samples per "
                + "model, each twice (the second pass the time reversal of the first), passes alternating.",
            "Reported per plan: how well its second pass agrees with its first (within ±5%%, ±10%%, MAPE, Kendall "
                + "tau) and its wall time. A benchmark of the measurement, not of a model."})
final class PerfPlansCommand implements Callable<Integer> {
    static final int MAX_SAMPLES = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    SpaceOption budget;

    @Option(names = "--samples", defaultValue = "50", paramLabel = "N",
            description = "Random subnets, 2-" + MAX_SAMPLES + " (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "777", paramLabel = "S", description = "Their seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = LutTargetOptions.DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Models per runner process, 1-" + LutTargetOptions.MAX_BATCH_SIZE
                    + " (default ${DEFAULT-VALUE}, as for lut).")
    int batchSize;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        new SettingRange(2, MAX_SAMPLES).check("samples", samples);
        new SettingRange(1, LutTargetOptions.MAX_BATCH_SIZE).check("batchSize", batchSize);
        int size = searchSize.checked();
        List<Architecture> archs = sample();
        PlanComparison.Result result;
        PlanComparisonReport report;
        try (OpenedTarget opened = OpenedTarget.openOne(target.spec(), measurement.settings(), "a plan comparison",
                ProgressLine.messages("bench"))) {
            if (opened.settings().rounds() < 2) {
                throw new InvalidSetting("rounds", "must be at least 2 here: the interleaved plan is compared with "
                        + "one block per model");
            }
            result = new PlanComparison(opened.target(), opened.settings(), BenchHome.models(), batchSize, size,
                    ProgressLine.forStderr()).run(archs);
            report = PlanComparisonReport.of(opened.target().info(), result, seed, batchSize);
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        if (json) {
            System.out.println(JsonMapper.write(report));
            return 0;
        }
        System.out.printf("%d subnets (seed %d) on %s %s, %d samples per model per pass, batches of %d:%n",
                report.subnets(), seed, report.device(), report.backend(), report.iterations(), batchSize);
        for (PlanComparisonReport.PlanScore p : report.plans()) {
            System.out.printf("  %-11s (%2d round%s): retest within ±5%% %3.0f%%, within ±10%% %3.0f%%, MAPE %4.1f%%, "
                    + "Kendall tau %.3f; %.1f s for both passes%n", p.plan(), p.rounds(), p.rounds() == 1 ? " " : "s",
                    100 * p.within5pct(), 100 * p.within10pct(), 100 * p.mape(), p.kendallTau(), p.wallSeconds());
        }
        return 0;
    }

    private List<Architecture> sample() {
        return new ArchSampler(budget.space()).distinct(samples, new Random(seed));
    }
}
