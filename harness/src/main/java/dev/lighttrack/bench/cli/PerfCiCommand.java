package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.ci.Decision;
import dev.lighttrack.bench.ci.Comparison;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.perf.CiAcceptance;
import dev.lighttrack.bench.perf.CiVariants;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.session.OpenedTarget;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench perf ci}: the regression check where the answer is known, for its false alarms and misses. */
@Command(name = "ci", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.class,
        description = {"The regression check (bench ci check, with its extra rounds and confirmation) where the answer "
                + "is known, on one target: --self-checks checks of --arch against a copy of itself (a regression is "
                + "a false alarm), then --variant-checks checks against each of its versions about --variants "
                + "percent slower (chosen among 16 mutants with up to 25%% more MACs by a reference measurement of each "
                + "paired with the control; a pass misses a slow-down).",
            "A benchmark of the check, not of a model."})
final class PerfCiCommand implements Callable<Integer> {
    static final int CANDIDATES = 16;
    static final int REFERENCE_TIMES = 9;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    SearchSizeOption searchSize;

    @Option(names = "--arch", defaultValue = "lighttrack-mobile", paramLabel = "ARCH",
            description = "The control: an arch string or preset (default ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--self-checks", defaultValue = "20", paramLabel = "N",
            description = "Checks against a copy of itself, 0-1000 (default ${DEFAULT-VALUE}).")
    int selfChecks;

    @Option(names = "--variants", defaultValue = "3,5,10", split = ",", paramLabel = "PCT",
            description = "Slow-downs of the versions checked, in percent, each 0.5-100 (default ${DEFAULT-VALUE}).")
    List<Double> variants;

    @Option(names = "--variant-checks", defaultValue = "5", paramLabel = "N",
            description = "Checks against each version, 0-1000 (default ${DEFAULT-VALUE}).")
    int variantChecks;

    @Mixin
    CheckOptions check;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the mutants the versions are chosen from (default ${DEFAULT-VALUE}).")
    long seed;

    /** {@code --json}: the settings, the variants chosen and every case's tally. */
    record Report(String device, String profile, boolean virtual, String backend, String control,
                  double thresholdPct, int maxRounds, int rounds, int iterations, String test,
                  List<CiAcceptance.CaseResult> cases) {
    }

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        double thresholdPct = check.thresholdPct();
        int maxRounds = check.maxRounds();
        new SettingRange(0, 1000).check("selfChecks", selfChecks);
        new SettingRange(0, 1000).check("variantChecks", variantChecks);
        for (double v : variants) {
            if (!(v >= 0.5 && v <= 100)) {
                throw new InvalidSetting("variants", "each must be a percentage from 0.5 to 100, got " + v);
            }
        }
        int size = searchSize.checked();
        Architecture base = ArchPresets.resolve(arch);
        ModelResolver models = BenchHome.models();
        BenchModel control = models.fromArch(arch, size, 0);
        Report report;
        RunSettings checked = CheckOptions.checked(measurement.settings());
        try (OpenedTarget opened = OpenedTarget.openOne(target.spec(), checked, "a check benchmark",
                ProgressLine.messages("bench"))) {
            RunSettings settings = opened.settings();
            CiAcceptance acceptance = new CiAcceptance(opened.target(), settings, maxRounds, thresholdPct,
                    ProgressLine.forStderr());
            List<CiAcceptance.Treatment> treatments = new ArrayList<>();
            if (selfChecks > 0) {
                treatments.add(new CiAcceptance.Treatment("itself", models.copyOf(control, "self-check"), 1.0, null,
                        selfChecks));
            }
            if (variantChecks > 0 && !variants.isEmpty()) {
                treatments.addAll(variants(acceptance, base, size, control, models));
            }
            var cases = acceptance.run(control, treatments);
            var info = opened.target().info();
            report = new Report(info.serial(), info.profile(), info.virtual(), settings.backend(), control.name(),
                    thresholdPct, maxRounds, settings.rounds(), settings.iterations(), PairedComparison.TEST, cases);
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        if (json) {
            System.out.println(JsonMapper.write(report));
            return 0;
        }
        System.out.printf("ci check of %s on %s %s%s, threshold %.1f%%, %d rounds (up to %d), %d samples per model:%n",
                report.control(), report.device(), report.backend(), report.virtual() ? " (virtual: host times)" : "",
                thresholdPct, report.rounds(), maxRounds, report.iterations());
        System.out.println("  treatment  MACs ratio  reference ratio (95% CI)  checks  regression  inconclusive  same  "
                + "improvement  checks' ratio (median, range)  rounds  s/check");
        for (CiAcceptance.CaseResult c : report.cases()) {
            String ref = c.referenceRatio() == null ? "-" : c.referenceRatioCi() == null
                    ? String.format(Locale.ROOT, "%.4f", c.referenceRatio())
                    : String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", c.referenceRatio(), c.referenceRatioCi().get(0),
                            c.referenceRatioCi().get(1));
            System.out.printf(Locale.ROOT, "  %-9s  %10.4f  %-24s  %6d  %10d  %12d  %4d  %11d  %.4f (%.4f-%.4f)  "
                    + "%6.1f  %7.1f%n", c.label(), c.macsRatio(), ref, c.checks(), c.decisions().get(Decision.REGRESSION),
                    c.decisions().get(Decision.INCONCLUSIVE), c.decisions().get(Decision.SAME),
                    c.decisions().get(Decision.IMPROVEMENT), c.medianRatio(), c.minRatio(), c.maxRatio(),
                    c.meanRounds(), c.meanSeconds());
        }
        return 0;
    }

    /**
     * The versions checked: {@value #CANDIDATES} mutants spread over up to 25% more MACs, each measured paired with
     * the control ({@value #REFERENCE_TIMES} × a check's rounds), and for each wanted slow-down the one whose
     * measured ratio is nearest.
     */
    private List<CiAcceptance.Treatment> variants(CiAcceptance acceptance, Architecture base, int size,
                                                  BenchModel control, ModelResolver models) {
        List<CiVariants.Candidate> candidates = CiVariants.candidates(base, size, CANDIDATES, seed);
        List<BenchModel> built = candidates.stream()
                .map(c -> models.fromArch(ArchStringCodec.format(c.arch()), size, 0)).toList();
        List<Comparison> reference = acceptance.reference(control, built, REFERENCE_TIMES);
        List<CiAcceptance.Treatment> out = new ArrayList<>();
        for (double pct : variants) {
            double want = 1 + pct / 100;
            int best = 0;
            for (int i = 1; i < reference.size(); i++) {
                if (Math.abs(reference.get(i).ratio() - want) < Math.abs(reference.get(best).ratio() - want)) {
                    best = i;
                }
            }
            out.add(new CiAcceptance.Treatment(String.format(Locale.ROOT, "+%.3g%%", pct), built.get(best),
                    candidates.get(best).macsRatio(), reference.get(best), variantChecks));
        }
        return out;
    }
}
