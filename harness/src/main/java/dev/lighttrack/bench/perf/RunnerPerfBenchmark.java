package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code bench perf runner}: our runner through JNA, ONNX Runtime and the ltrunner executable on one ONNX file,
 * interleaved round by round (ABC ABC ...) so that a shared, noisy machine slows all of them alike.
 */
public final class RunnerPerfBenchmark {
    private final Consumer<String> progress;

    public RunnerPerfBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public RunnerPerfReport run(BenchModel model, PerfSettings settings, String cpu) {
        List<EngineTally> tallies = new ArrayList<>();
        try {
            progress.accept("loading " + model.name() + " in the runner (JNA), ONNX Runtime and the ltrunner executable");
            tallies.add(new EngineTally(new JnaRunnerEngine(model.file(), settings.threads())));
            tallies.add(new EngineTally(new OnnxRuntimeEngine(model.file(), settings.threads())));
            tallies.add(new EngineTally(new ExecutableRunnerEngine(model.file(), settings.threads())));
            for (int round = 1; round <= settings.rounds(); round++) {
                StringBuilder line = new StringBuilder("round " + round + "/" + settings.rounds() + ": p50");
                for (EngineTally tally : tallies) {
                    SampleStats stats = tally.add(tally.engine().measure(settings.warmup(), settings.iterations()));
                    line.append(String.format(Locale.ROOT, " %s %.1f us", tally.engine().id(), stats.p50Us()));
                }
                progress.accept(line.toString());
            }
            return new RunnerPerfReport(model.name(), model.sha256(), cpu, settings,
                    tallies.stream().map(EngineTally::result).toList());
        } finally {
            tallies.forEach(t -> t.engine().close());
        }
    }
}
