package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.ci.AbCheck;
import dev.lighttrack.bench.ci.BaselineStore;
import dev.lighttrack.bench.ci.StoredComparison;
import dev.lighttrack.bench.ci.CiCheckReport;
import dev.lighttrack.bench.ci.Decision;
import dev.lighttrack.bench.ci.JUnitReport;
import dev.lighttrack.bench.ci.Comparison;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordJson;
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

        @Option(names = "--baseline", paramLabel = "NAME", description = "A stored baseline (bench ci baseline save): "
                + "no control in this session, so drift since then is not cancelled and the threshold is widened to "
                + "what both runs' intervals can tell.")
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
        if (baselineAgent != null) {
            throw BenchException.badInput("--baseline-agent is not implemented yet: both halves run this bench's "
                    + "agent");
        }
        ModelChoice treatmentChoice = model.choice();
        BenchModel treatment = treatmentChoice.resolve();
        BaselineStore.Baseline stored = baseline.name == null ? null
                : new BaselineStore(BenchHome.results("baselines")).load(BaselineStore.checkedName(baseline.name));
        BenchModel control = stored != null ? null : control(treatment, treatmentChoice.searchSize());
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
                    AbCheck ab = new AbCheck(device, planned.settings(), maxRounds, ProgressLine.forStderr());
                    AbCheck.Outcome o = stored == null ? ab.check(control, treatment, thresholdPct)
                            : ab.check(storedRun(stored, device.info().serial(), settings), treatment, thresholdPct);
                    TargetConditions after = device.conditions();
                    List<String> ids = new ArrayList<>();
                    for (AbCheck.Phase phase : phases(o)) {
                        for (String role : List.of("control", "treatment")) {
                            RawRun raw = role.equals("control") ? phase.control() : phase.treatment();
                            if (raw == null) {
                                continue; // a stored baseline: its run is already recorded
                            }
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
        String controlName = stored != null ? "baseline " + stored.name() : control.name();
        CiCheckReport report = new CiCheckReport(checkId, started.toString(), commitId, controlName,
                treatment.name(), thresholdPct, stored != null ? StoredComparison.TEST : PairedComparison.TEST,
                CiCheckReport.overall(checks), checks);
        AtomicFiles.write(BenchHome.results("checks").resolve(checkId + ".json"),
                (JsonMapper.write(report) + "\n").getBytes(StandardCharsets.UTF_8));
        HistoryCommand.recorder().record(saved, report);
        if (junit != null) {
            JUnitReport.write(report, (System.nanoTime() - start) / 1e9, junit);
        }
        if (json) {
            System.out.println(JsonMapper.write(report));
        } else {
            System.out.printf("bench ci check: %s (control %s, treatment %s, threshold %.1f%%)%n",
                    report.decision().label(), controlName, treatment.name(), thresholdPct);
            checks.forEach(d -> System.out.println("  " + JUnitReport.message(report, d)));
        }
        return switch (report.decision()) {
            case REGRESSION -> ExitCode.CHECK_FAILED.code();
            case INCONCLUSIVE -> ExitCode.INCONCLUSIVE.code();
            default -> 0;
        };
    }

    /** The stored baseline's run for this device, backend and precision, read from its run record. */
    private static RunRecord storedRun(BaselineStore.Baseline stored, String serial, RunSettings settings) {
        BaselineStore.Entry e = stored.find(serial, settings.backend(), settings.precision()).orElseThrow(() ->
                BenchException.badInput("baseline '" + stored.name() + "' has no run for " + serial + " "
                        + settings.backend() + " " + settings.precision() + " (it has: " + stored.entries().stream()
                        .map(x -> x.serial() + " " + x.backend() + " " + x.precision()).toList() + "); save one with "
                        + "'bench ci baseline save " + stored.name() + "' on that device"));
        Path file = BenchHome.results("runs").resolve(e.runId() + ".json");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw BenchException.badInput("baseline '" + stored.name() + "' names run " + e.runId() + ", whose record "
                    + file + " is gone; save the baseline again");
        }
        return RunRecordJson.read(file);
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
