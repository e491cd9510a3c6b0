package dev.lighttrack.bench.perf;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The result of {@code bench perf runner}: the model, the settings, every engine's statistics over all rounds,
 * and what they mean together. Ratios below 1 and negative overheads mean "faster than the reference".
 */
public record RunnerPerfReport(String modelName, String modelSha256, String cpu, PerfSettings settings,
                               List<EngineResult> engines) {
    public RunnerPerfReport {
        engines = List.copyOf(engines);
    }

    public EngineResult engine(String id) {
        return engines.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no engine " + id + " in this report"));
    }

    /** Our runner (JNA path) over ONNX Runtime, by median. */
    public double runnerToOrtP50() {
        return engine(JnaRunnerEngine.ID).stats().p50Us() / engine(OnnxRuntimeEngine.ID).stats().p50Us();
    }

    public double runnerToOrtMean() {
        return engine(JnaRunnerEngine.ID).stats().meanUs() / engine(OnnxRuntimeEngine.ID).stats().meanUs();
    }

    /** Overhead (a): the JNA path's median against the ltrunner executable's own loop, in percent. */
    public double jnaVsExecutableP50Pct() {
        return percentOver(engine(JnaRunnerEngine.ID).stats().p50Us(), engine(ExecutableRunnerEngine.ID).stats().p50Us());
    }

    public double jnaVsExecutableMeanPct() {
        return percentOver(engine(JnaRunnerEngine.ID).stats().meanUs(),
                engine(ExecutableRunnerEngine.ID).stats().meanUs());
    }

    /**
     * Overhead (b): Java wall time around {@code NativeRunner.run} over the sum of its samples, in percent: crossing
     * JNA, copying the samples, and the C loop's own bookkeeping between inferences.
     */
    public double jnaCallPct() {
        EngineResult jna = engine(JnaRunnerEngine.ID);
        return percentOver(jna.sumCallWallNs(), jna.sumSamplesNs());
    }

    private static double percentOver(double value, double reference) {
        return (value - reference) / reference * 100;
    }
}
