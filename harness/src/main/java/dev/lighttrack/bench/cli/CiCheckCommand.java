package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.ci.AbCheck;
import dev.lighttrack.bench.ci.CiCheckReport;
import dev.lighttrack.bench.ci.Decision;
import dev.lighttrack.bench.ci.JUnitReport;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.session.BenchmarkSession;
import dev.lighttrack.bench.session.RunRecording;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.session.ModelChoice;
import dev.lighttrack.bench.session.PlannedTarget;
import dev.lighttrack.bench.session.TargetPlanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench ci check}: did the treatment get slower than the control on any device? */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.class,
        description = {"A/B on each device in one session: the control (--baseline-model or --baseline-arch) and the "
                + "treatment (--model or --arch) interleaved round by round in one agent process, compared per round "
                + "(" + PairedComparison.TEST + ").",
            "Decisions: regression (significantly slower, and by at least --threshold as measured; confirmed by a "
                + "second, independent A/B before it fails), improvement, same (any difference within the threshold "
                + "with 95% confidence), inconclusive (after --max-rounds).",
            "Exit codes: 0 same or improvement on every device, 1 a regression, 2 bad input, 4 inconclusive "
                + "(never a silent pass)."})
final class CiCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    ModelOptions model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Baseline baseline;

    static final class Baseline {
        @Option(names = "--baseline-model", paramLabel = "OLD.onnx", description = "The control: an ONNX file.")
        Path model;

        @Option(names = "--baseline-arch", paramLabel = "ARCH", description = "The control: an arch string or preset. "
                + "The same model as the treatment is a self-check: the control is then a copy of the same bytes.")
        String arch;

        @Option(names = "--baseline", paramLabel = "NAME", description = "A stored baseline (not implemented yet).")
        String name;
    }

    @Option(names = "--baseline-agent", paramLabel = "PATH",
            description = "Another runner build as the control's agent (not implemented yet).")
    Path baselineAgent;

    @Mixin
    CheckOptions check;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML for the CI server.")
    Path junit;

    @Mixin
    CommitOption commit;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        double thresholdPct = check.thresholdPct();
        int maxRounds = check.maxRounds();
        if (baseline.name != null) {
            throw BenchException.badInput("--baseline NAME (stored baselines) is not implemented yet: give the "
                    + "control as --baseline-model or --baseline-arch, measured in the same session");
        }
        if (baselineAgent != null) {
            throw BenchException.badInput("--baseline-agent is not implemented yet: both halves run this bench's "
                    + "agent");
        }
        ModelChoice treatmentChoice = model.choice();
        BenchModel treatment = treatmentChoice.resolve();
        BenchModel control = control(treatment, treatmentChoice.searchSize());
        long start = System.nanoTime();
        RunSettings settings = CheckOptions.checked(measurement.settings());
        String commitId = commit.resolve();
        RunStore runs = new RunStore(BenchHome.results("runs"));
        runs.checkWritable();
        Instant started = Instant.now();
        String checkId = RunStore.newId(started, "ci-check");
        List<CiCheckReport.DeviceCheck> checks = new ArrayList<>();
        List<RunHistory.Saved> saved = new ArrayList<>();
        try {
            for (PlannedTarget planned : new TargetPlanner(target.spec(), settings, ProgressLine.messages("bench"))
                    .plan()) {
                try (BenchmarkTarget device = planned.open()) {
                    TargetConditions before = device.conditions();
                    AbCheck.Outcome o = new AbCheck(device, planned.settings(), maxRounds, ProgressLine.forStderr())
                            .check(control, treatment, thresholdPct);
                    TargetConditions after = device.conditions();
                    List<String> ids = new ArrayList<>();
                    for (AbCheck.Phase phase : phases(o)) {
                        for (String role : List.of("control", "treatment")) {
                            RawRun raw = role.equals("control") ? phase.control() : phase.treatment();
                            int sets = Math.max(1, raw.roundSizes().length / planned.settings().rounds());
                            BenchmarkSession.Outcome out = RunRecording.save(runs, device.info(),
                                    role.equals("control") ? control : treatment, planned.settings().times(sets),
                                    raw, before, after, new RunRecord.Origin("ci check", commitId, checkId, role,
                                            phase.name()));
                            ids.add(out.record().id());
                            saved.add(new RunHistory.Saved(out.record(), out.file()));
                        }
                    }
                    var info = device.info();
                    checks.add(new CiCheckReport.DeviceCheck(info.serial(), info.profile(), info.soc(),
                            info.virtual(), settings.backend(), settings.precision(), treatment.name(), o.decision(),
                            o.note(), o.first(), o.confirmation(), ids));
                }
            }
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        CiCheckReport report = new CiCheckReport(checkId, started.toString(), commitId, control.name(),
                treatment.name(), thresholdPct, PairedComparison.TEST, CiCheckReport.overall(checks), checks);
        AtomicFiles.write(BenchHome.results("checks").resolve(checkId + ".json"),
                (JsonMapper.write(report) + "\n").getBytes(StandardCharsets.UTF_8));
        new RunHistory(BenchHome.results(HistoryCommand.DATABASE), BenchHome.results("runs"),
                m -> System.err.println("bench: " + m))
                .record(saved, report);
        if (junit != null) {
            JUnitReport.write(report, (System.nanoTime() - start) / 1e9, junit);
        }
        if (json) {
            System.out.println(JsonMapper.write(report));
        } else {
            System.out.printf("bench ci check: %s (control %s, treatment %s, threshold %.1f%%)%n",
                    report.decision().label(), control.name(), treatment.name(), thresholdPct);
            checks.forEach(d -> System.out.println("  " + JUnitReport.message(report, d)));
        }
        return switch (report.decision()) {
            case REGRESSION -> ExitCode.CHECK_FAILED.code();
            case INCONCLUSIVE -> ExitCode.INCONCLUSIVE.code();
            default -> 0;
        };
    }

    private static List<AbCheck.Phase> phases(AbCheck.Outcome o) {
        return o.confirmationPhase() == null ? List.of(o.firstPhase()) : List.of(o.firstPhase(), o.confirmationPhase());
    }

    private BenchModel control(BenchModel treatment, int searchSize) {
        var models = BenchHome.models();
        BenchModel control = baseline.model != null ? models.fromFile(baseline.model)
                : models.fromArch(baseline.arch, searchSize, 0);
        if (control.sha256().equals(treatment.sha256())) {
            // a self-check: the control is a copy of the same bytes in another file (one agent lists a file once)
            control = models.copyOf(control, "control");
        }
        return control;
    }

}
