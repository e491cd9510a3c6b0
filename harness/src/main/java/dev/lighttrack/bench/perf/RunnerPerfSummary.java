package dev.lighttrack.bench.perf;

import java.util.List;

/** {@code bench perf runner --json}: times in µs (to the ns), ratios, overheads in percent. */
public record RunnerPerfSummary(String model, String modelSha256, String hostCpu, int hostCores, String backend,
                                int threads, int warmup, int iterations, int rounds, List<Engine> engines,
                                double runnerToOrtP50, double runnerToOrtMean, double overheadJnaVsExecutableP50Pct,
                                double overheadJnaVsExecutableMeanPct, double overheadJnaCallPct) {
    public record Engine(String id, String engine, long samples, double p50Us, double meanUs, double p90Us,
                         List<Double> roundP50Us) {
    }

    public static RunnerPerfSummary of(RunnerPerfReport r) {
        List<Engine> engines = r.engines().stream().map(e -> new Engine(e.id(), e.description(), e.stats().count(),
                round(e.stats().p50Us(), 3), round(e.stats().meanUs(), 3), round(e.stats().p90Us(), 3),
                e.roundP50Us().stream().map(v -> round(v, 3)).toList())).toList();
        PerfSettings s = r.settings();
        return new RunnerPerfSummary(r.modelName(), r.modelSha256(), r.cpu(), Runtime.getRuntime().availableProcessors(),
                "cpu", s.threads(), s.warmup(), s.iterations(), s.rounds(), engines, round(r.runnerToOrtP50(), 4),
                round(r.runnerToOrtMean(), 4), round(r.jnaVsExecutableP50Pct(), 3), round(r.jnaVsExecutableMeanPct(), 3),
                round(r.jnaCallPct(), 4));
    }

    private static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }
}
