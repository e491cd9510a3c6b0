package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.perf.PerfSettings;
import dev.lighttrack.bench.perf.RunnerPerfBenchmark;
import dev.lighttrack.bench.perf.RunnerPerfReport;
import dev.lighttrack.bench.perf.RunnerPerfSummary;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.HostTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench perf runner}: our runner against ONNX Runtime, and the harness overhead, on this host. */
@Command(name = "runner", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"On this host, in one run, on the same ONNX file: our runner's per-inference latency through JNA "
                + "(cpu backend, XNNPACK), ONNX Runtime's through its Java API (same intra-op threads, inter-op 1, "
                + "sequential, all graph optimizations), and the ltrunner executable's own loop. The engines take "
                + "turns round by round (ABC ABC ...); p50, mean and p90 are over all rounds.",
            "Overhead (a): JNA path against the executable. Overhead (b): Java wall time around NativeRunner.run "
                + "against the sum of its samples. Progress goes to stderr. A benchmark of this machine, not a device."})
final class PerfRunnerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Worker threads of every engine (runner threads, ONNX Runtime intra-op threads). "
                    + "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
            description = "Untimed inferences per engine before each round's timed ones (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "50", paramLabel = "N",
            description = "Timed inferences per engine per round (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "R",
            description = "Rounds; each runs every engine once, in turn (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        PerfSettings settings = new PerfSettings(threads, warmup, iterations, rounds);
        BenchModel benchModel = model.choice().resolve();
        RunnerPerfReport report = new RunnerPerfBenchmark(ProgressLine.messages("bench perf")::say)
                .run(benchModel, settings, HostTarget.cpuModel());
        System.out.print(json ? JsonMapper.write(RunnerPerfSummary.of(report)) + "\n" : RunnerPerfText.of(report));
        return 0;
    }

}
