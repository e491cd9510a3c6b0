package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.ci.Comparison;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.compare.CompareReport;
import dev.lighttrack.bench.compare.ModelComparison;
import dev.lighttrack.bench.compare.PaperFigures;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.BenchmarkSession;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.session.PlannedTarget;
import dev.lighttrack.bench.session.RunRecording;
import dev.lighttrack.bench.session.TargetPlanner;
import dev.lighttrack.bench.errors.BenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench compare}: models side by side on each device, measured interleaved. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.class,
        description = {"Models side by side on each device: measured interleaved, each against the first.",
            "Measures the models interleaved (one agent process, the order rotating per round) on each "
                + "device of --device and prints p50 with its 95% interval, fps, MACs, params and each model's latency "
                + "over the first's (paired by round), next to the LightTrack paper's figures for "
                + PaperFigures.DEVICE + " where it has them.",
            "A model is an arch string, a preset (lighttrack-mobile) or an .onnx file. Each run is kept as a run "
                + "record and goes into the history."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..64", paramLabel = "MODEL", description = "Two or more models; the first is the reference.")
    List<String> names;

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    CommitOption commit;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        int size = searchSize.checked();
        RunSettings settings = CheckOptions.checked(measurement.settings());
        List<BenchModel> models = resolve(size);
        String commitId = commit.resolve();
        RunStore runs = new RunStore(BenchHome.results("runs"));
        runs.checkWritable();
        List<CompareReport.DeviceResult> devices = new ArrayList<>();
        List<RunHistory.Saved> saved = new ArrayList<>();
        try {
            for (PlannedTarget planned : new TargetPlanner(target.spec(), settings, ProgressLine.messages("bench"))
                    .plan()) {
                try (BenchmarkTarget device = planned.open()) {
                    TargetConditions before = device.conditions();
                    ModelComparison.Result r = new ModelComparison(device, planned.settings(),
                            ProgressLine.forStderr()).run(models);
                    TargetConditions after = device.conditions();
                    List<CompareReport.Row> rows = new ArrayList<>();
                    for (int i = 0; i < models.size(); i++) {
                        RawRun raw = r.runs().get(i);
                        BenchmarkSession.Outcome out = RunRecording.save(runs, device.info(), models.get(i),
                                planned.settings(), raw, before, after,
                                new RunRecord.Origin("compare", commitId, null, null, null));
                        saved.add(new RunHistory.Saved(out.record(), out.file()));
                        Comparison c = r.againstFirst().get(i);
                        BenchModel m = models.get(i);
                        rows.add(new CompareReport.Row(m.name(), m.file().getFileName().toString(), m.macs(),
                                m.params(), out.record().summary().p50Us(), out.record().summary().p50CiUs(),
                                out.record().summary().fps(), c == null ? null : c.ratio(),
                                c == null ? null : c.ratioCi(), out.record().id(),
                                PaperFigures.of(m.name()).orElse(null)));
                    }
                    var info = device.info();
                    devices.add(new CompareReport.DeviceResult(info.serial(), info.profile(), info.soc(),
                            info.virtual(), planned.settings().backend(), planned.settings().precision(),
                            planned.settings().rounds(), rows));
                }
            }
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage(), e);
        }
        HistoryCommand.recorder().record(saved, null);
        CompareReport report = new CompareReport(PairedComparison.TEST, PaperFigures.DEVICE, devices);
        if (json) {
            System.out.println(JsonMapper.write(report));
        } else {
            print(report);
        }
        return 0;
    }

    private List<BenchModel> resolve(int size) {
        ModelResolver resolver = BenchHome.models();
        List<BenchModel> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            BenchModel m = n.endsWith(".onnx") ? resolver.fromFile(Path.of(n)) : resolver.fromArch(n, size, 0);
            // an agent lists a file once: the same model again is a copy of its bytes
            out.add(seen.add(m.sha256()) ? m : resolver.copyOf(m, "compare-" + out.size()));
        }
        return out;
    }

    private static void print(CompareReport report) {
        for (CompareReport.DeviceResult d : report.devices()) {
            System.out.printf("%s (%s, %s%s), %s %s, %d rounds interleaved:%n", d.device(), d.profile(), d.soc(),
                    d.virtual() ? ", virtual: host times" : "", d.backend(), d.precision(), d.rounds());
            System.out.println("  model                    p50 ms (95% CI)             fps     MACs    params  "
                    + "latency x first (95% CI)   paper: fps on SD845 GPU, MACs, params");
            for (CompareReport.Row r : d.models()) {
                String ci = r.p50CiUs() == null ? "(no CI)" : String.format(Locale.ROOT, "(%.3f-%.3f)",
                        r.p50CiUs().get(0) / 1000, r.p50CiUs().get(1) / 1000);
                String ratio = r.latencyRatio() == null ? "1 (reference)" : r.latencyRatioCi() == null
                        ? String.format(Locale.ROOT, "%.3f", r.latencyRatio())
                        : String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", r.latencyRatio(), r.latencyRatioCi().get(0),
                                r.latencyRatioCi().get(1));
                PaperFigures.Figure p = r.paper();
                String paper = p == null ? "-" : String.format(Locale.ROOT, "%s fps, %sG, %sM",
                        p.fps() == null ? "?" : p.fps(), p.macsG() == null ? "?" : p.macsG(),
                        p.paramsM() == null ? "?" : p.paramsM());
                System.out.printf(Locale.ROOT, "  %-22s  %8.3f %-18s  %7.1f  %6s  %6s  %-25s  %s%n",
                        shortName(r.model()), r.p50Us() / 1000, ci, r.fps(), r.macs() == null ? "-" : String.format(Locale.ROOT, "%.0fM",
                                r.macs() / 1e6), r.params() == null ? "-" : String.format(Locale.ROOT, "%.2fM",
                                r.params() / 1e6), ratio, paper);
            }
        }
    }

    private static String shortName(String name) {
        return name.length() <= 22 ? name : name.substring(0, 19) + "...";
    }
}
