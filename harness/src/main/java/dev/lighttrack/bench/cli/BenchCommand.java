package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordJson;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level {@code bench} command: without a subcommand it benchmarks a model on a device. */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "bench 0.1.0", sortOptions = false,
        description = {"Hardware-in-the-loop latency benchmarking for LightTrack subnets.", "",
            "Without a subcommand: deploy the runner agent and a model to a device, measure every inference on the "
                + "device and write a run record (results/runs/<id>.json) with its HdrHistogram log (<id>.hlog)."},
        subcommands = {ArchCommand.class, DevicesCommand.class, LutCommand.class, PerfCommand.class,
            VirtualDeviceCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "SPEC",
            description = "A profile name (sd845: every attached device it matches), host (this machine, in-process),"
                    + " virtual:PROFILE (a virtual device started for this run) or auto (the only attached device,"
                    + " else this host). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--serial", paramLabel = "S", description = "Only the attached device with this serial.")
    String serial;

    @Option(names = "--backend", defaultValue = "cpu", paramLabel = "B",
            description = "cpu (XNNPACK), gpu (OpenCL) or dsp (NNAPI). Default: ${DEFAULT-VALUE}.")
    String backend;

    @ArgGroup(exclusive = true)
    ModelChoice modelChoice = new ModelChoice();

    static final class ModelChoice {
        @Option(names = "--model", paramLabel = "FILE.onnx", description = "An ONNX model to benchmark.")
        Path model;

        @Option(names = "--arch", paramLabel = "ARCH",
                description = "An arch string or preset to export and benchmark. Default: lighttrack-mobile.")
        String arch;
    }

    @Option(names = "--search-size", defaultValue = "256", paramLabel = "N",
            description = "Search size for --arch models (default ${DEFAULT-VALUE}).")
    int searchSize;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
            description = "Untimed inferences first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "100", paramLabel = "N",
            description = "Measured inferences, at least (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--min-seconds", defaultValue = "1", paramLabel = "S",
            description = "Keep measuring until this much time has passed too (default ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Inference threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--cpus", paramLabel = "LIST",
            description = "CPU list to pin to (e.g. 4-7). Default: the profile's big cores on devices, none on the host.")
    String cpus;

    @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|fp16",
            description = "Arithmetic precision (default ${DEFAULT-VALUE}); fp16 needs a gpu with cl_khr_fp16 "
                    + "(the runner says so when the device lacks it).")
    String precision;

    @Option(names = "--delay-ms", defaultValue = "0", paramLabel = "MS",
            description = "Pause between inferences, for thermally fair comparisons (default ${DEFAULT-VALUE}).")
    double delayMs;

    @Option(names = "--results", paramLabel = "DIR", description = "Where run records go. Default: results/runs.")
    Path results;

    @Option(names = "--json", description = "Print the run record(s) as JSON.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;

    @Mixin
    AdbOptions adb;

    @Override
    public Integer call() {
        RunSettings settings = new RunSettings(backend, precision, warmup, iterations, minSeconds, threads, cpus, delayMs);
        BenchModel model = BenchHome.chosenModel(modelChoice.model, modelChoice.arch, searchSize);
        RunStore store = new RunStore(results != null ? results : BenchHome.results("runs"));
        BenchmarkSession session = new BenchmarkSession(store, message -> System.err.println("bench: " + message));
        List<BenchmarkSession.Outcome> outcomes = new ArrayList<>();
        for (TargetResolver.Planned planned : new TargetResolver(adb, settings).resolve(device, Optional.ofNullable(serial))) {
            try (BenchmarkTarget target = planned.open()) {
                outcomes.add(session.run(target, model, planned.settings()));
            }
        }
        if (json) {
            List<RunRecord> records = outcomes.stream().map(BenchmarkSession.Outcome::record).toList();
            System.out.println(records.size() == 1 ? RunRecordJson.write(records.get(0))
                    : RunRecordJson.writeAll(records));
        } else {
            outcomes.forEach(o -> System.out.print(SummaryText.of(o.record(), o.file().toString())));
        }
        return 0;
    }
}
