package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.perf.EngineResult;
import dev.lighttrack.bench.perf.RunnerPerfReport;
import java.util.Locale;

/** {@code bench perf runner}'s table. */
final class RunnerPerfText {
    private RunnerPerfText() {
    }

    static String of(RunnerPerfReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "bench perf runner: %s (sha256 %s) on %s, %d cores%n", r.modelName(),
                r.modelSha256().substring(0, 12), r.cpu(), Runtime.getRuntime().availableProcessors()));
        s.append(String.format(Locale.ROOT, "cpu backend, %d thread%s, warmup %d, %d iterations x %d rounds, engines "
                        + "interleaved%n%n", r.settings().threads(), r.settings().threads() == 1 ? "" : "s",
                r.settings().warmup(), r.settings().iterations(), r.settings().rounds()));
        s.append(String.format(Locale.ROOT, "%-18s %8s %11s %11s %11s  %s%n", "ENGINE", "SAMPLES", "P50 ms", "MEAN ms",
                "P90 ms", "WHAT"));
        for (EngineResult e : r.engines()) {
            s.append(String.format(Locale.ROOT, "%-18s %8d %11.3f %11.3f %11.3f  %s%n", e.id(), e.stats().count(),
                    e.stats().p50Us() / 1000, e.stats().meanUs() / 1000, e.stats().p90Us() / 1000, e.description()));
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, "runner / onnxruntime:          p50 %.3fx, mean %.3fx (below 1: the runner "
                + "is faster)%n", r.runnerToOrtP50(), r.runnerToOrtMean()));
        s.append(String.format(Locale.ROOT, "overhead (a) JNA vs executable: p50 %+.2f%%, mean %+.2f%%%n",
                r.jnaVsExecutableP50Pct(), r.jnaVsExecutableMeanPct()));
        s.append(String.format(Locale.ROOT, "overhead (b) JNA call:         %+.3f%% (Java wall time around "
                + "NativeRunner.run vs the sum of its samples)%n", r.jnaCallPct()));
        return s.toString();
    }
}
