package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.perf.EngineResult;
import dev.lighttrack.bench.perf.RunnerPerfReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bench perf runner --json}: snake_case, times in µs, overheads in percent. */
final class RunnerPerfJson {
    private RunnerPerfJson() {
    }

    static Map<String, Object> of(RunnerPerfReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.modelName());
        m.put("model_sha256", r.modelSha256());
        m.put("host_cpu", r.cpu());
        m.put("host_cores", Runtime.getRuntime().availableProcessors());
        m.put("backend", "cpu");
        m.put("threads", r.settings().threads());
        m.put("warmup", r.settings().warmup());
        m.put("iterations", r.settings().iterations());
        m.put("rounds", r.settings().rounds());
        List<Map<String, Object>> engines = new ArrayList<>();
        for (EngineResult e : r.engines()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("id", e.id());
            em.put("engine", e.description());
            em.put("samples", e.stats().count());
            em.put("p50_us", round(e.stats().p50Us(), 3));
            em.put("mean_us", round(e.stats().meanUs(), 3));
            em.put("p90_us", round(e.stats().p90Us(), 3));
            em.put("round_p50_us", e.roundP50Us().stream().map(v -> round(v, 3)).toList());
            engines.add(em);
        }
        m.put("engines", engines);
        m.put("runner_to_ort_p50", round(r.runnerToOrtP50(), 4));
        m.put("runner_to_ort_mean", round(r.runnerToOrtMean(), 4));
        m.put("overhead_jna_vs_executable_p50_pct", round(r.jnaVsExecutableP50Pct(), 3));
        m.put("overhead_jna_vs_executable_mean_pct", round(r.jnaVsExecutableMeanPct(), 3));
        m.put("overhead_jna_call_pct", round(r.jnaCallPct(), 4));
        return m;
    }

    private static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }
}
