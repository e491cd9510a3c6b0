package dev.lighttrack.bench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.run.VisitOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan's stopping rule on a fake target: a steady model is measured once, a model that settles after its
 * first batch is measured again until its interval is narrow, and one that never settles is named when the time
 * is spent; every model is handed over exactly once, with all its rounds.
 */
class PlanStoppingRuleTest {
    private static final int ROUNDS = 10;

    /** Round medians: "steady" always 1 ms; "settling" alternates 1.0/1.5 ms on its first visit only; "noisy" always. */
    private static final class NoisyTarget implements BenchmarkTarget {
        final Map<String, Integer> batches = new HashMap<>();

        @Override
        public TargetInfo info() {
            return new TargetInfo("NOISY01", "sd845", "Noisy phone", "SDM845", "arm64-v8a", false, null, null);
        }

        @Override
        public TargetConditions conditions() {
            return TargetConditions.NONE;
        }

        @Override
        public void awaitCool(RunProgress progress) {
        }

        @Override
        public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
            throw new UnsupportedOperationException("measured through runBatch");
        }

        @Override
        public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                             BatchSink sink) {
            try {
                Thread.sleep(20); // a batch takes time, so the rule's clock moves
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (BenchModel m : models) {
                int visit = batches.merge(m.name(), 1, Integer::sum);
                boolean wobbly = m.name().equals("noisy") || (m.name().equals("settling") && visit == 1);
                long[] samples = new long[ROUNDS * 2];
                int[] sizes = new int[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long ns = wobbly && r % 2 == 1 ? 1_500_000 : 1_000_000;
                    samples[2 * r] = ns;
                    samples[2 * r + 1] = ns;
                    sizes[r] = 2;
                }
                sink.accept(m, new RawRun(samples, List.of(), "0.1.0", "noisy", 1, m.sha256(), 1L, 1L, sizes));
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void measuresAgainOnlyWhatIsNotNarrowEnoughAndNamesWhatNeverIs() {
        NoisyTarget target = new NoisyTarget();
        RunSettings settings = new RunSettings("cpu", "fp32", 0, ROUNDS * 2, 0, 1, null, 0, ROUNDS);
        List<String> said = new ArrayList<>();
        PlanProgress progress = new PlanProgress() {
            @Override
            public void planned(String phase, int total, int done) {
            }

            @Override
            public void measured(String name, int done, int total) {
            }

            @Override
            public void say(String message) {
                said.add(message);
            }
        };
        MeasurementPlan plan = new MeasurementPlan(target, settings, 2, new StoppingRule(5, 0.3), progress);
        Map<String, RawRun> results = new HashMap<>();
        List<String> unconverged = plan.measure("test", List.of("steady", "settling", "noisy"), PlanStoppingRuleTest::model,
                0, 3, (name, raw) -> assertEquals(null, results.put(name, raw), name + " handed over twice"));
        assertEquals(List.of("noisy"), unconverged);
        assertEquals(3, results.size());
        assertEquals(1, target.batches.get("steady"));
        assertEquals(2, target.batches.get("settling"));
        assertTrue(target.batches.get("noisy") > 2, "noisy measured " + target.batches.get("noisy") + " times");
        assertEquals(ROUNDS * 2, results.get("settling").roundSizes().length);
        assertEquals(ROUNDS * target.batches.get("noisy"), results.get("noisy").roundSizes().length);
        assertTrue(said.stream().anyMatch(s -> s.contains("1 model(s) did NOT reach the target ±5.0% within 0.3 s: noisy")),
                said::toString);
    }

    @Test
    void withoutARuleEveryModelIsMeasuredOnce() {
        NoisyTarget target = new NoisyTarget();
        RunSettings settings = new RunSettings("cpu", "fp32", 0, ROUNDS * 2, 0, 1, null, 0, ROUNDS);
        MeasurementPlan plan = new MeasurementPlan(target, settings, 2, PlanProgress.SILENT);
        List<String> unconverged = plan.measure("test", List.of("steady", "noisy"), PlanStoppingRuleTest::model, 0, 2,
                (name, raw) -> { });
        assertEquals(List.of(), unconverged);
        assertEquals(Map.of("steady", 1, "noisy", 1), target.batches);
    }

    private static BenchModel model(String name) {
        return new BenchModel(Path.of(name + ".onnx"), name, null, "sha-" + name, 1L, 1L, null);
    }
}
