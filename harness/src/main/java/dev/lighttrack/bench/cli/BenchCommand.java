package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordJson;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.BenchmarkSession;
import dev.lighttrack.bench.session.StoppingRule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level {@code bench} command: without a subcommand it benchmarks a model on a device. */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "bench 0.1.0", sortOptions = false,
        defaultValueProvider = MeasurementDefaults.class,
        description = {"Hardware-in-the-loop latency benchmarking for LightTrack subnets.", "",
            "Without a subcommand: deploy the runner agent and a model to a device, measure every inference on the "
                + "device and write a run record (results/runs/<id>.json) with its HdrHistogram log (<id>.hlog)."},
        subcommands = {ArchCommand.class, CiCommand.class, CompareCommand.class, DevicesCommand.class,
            HistoryCommand.class, LutCommand.class, PerfCommand.class, ReportCommand.class, SearchCommand.class,
            VirtualDeviceCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    ModelOptions model;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    StoppingOptions stopping;

    @Option(names = "--results", paramLabel = "DIR", description = "Where run records go. Default: results/runs.")
    Path results;

    @Mixin
    OutputOptions output;

    @Mixin
    CommitOption commit;

    @Override
    public Integer call() {
        RunSettings settings = measurement.settings();
        StoppingRule rule = stopping.rule();
        BenchModel benchModel = model.choice().resolve();
        RunStore store = new RunStore(results != null ? results : BenchHome.results("runs"));
        BenchmarkSession session = new BenchmarkSession(store, ProgressLine.messages("bench"),
                RunRecord.Origin.bench(commit.resolve()));
        List<BenchmarkSession.Outcome> outcomes = session.benchmarkAll(target.spec(), benchModel, settings, rule);
        HistoryCommand.recorder().record(outcomes.stream().map(o -> new RunHistory.Saved(o.record(), o.file())).toList(), null);
        if (output.json) {
            List<RunRecord> records = outcomes.stream().map(BenchmarkSession.Outcome::record).toList();
            System.out.println(records.size() == 1 ? RunRecordJson.write(records.get(0))
                    : RunRecordJson.writeAll(records));
        } else {
            outcomes.forEach(o -> System.out.print(SummaryText.of(o.record(), o.file().toString())));
        }
        return 0;
    }
}
