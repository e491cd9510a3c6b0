package dev.lighttrack.bench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stopping rule measures more while the median's interval is too wide, and says when it gives up. */
class StoppingRuleTest {
    @TempDir
    Path dir;

    /** Rounds of one sample each; the first run's rounds spread ±20%, every later run's lie within ±0.1%. */
    private static final class SettlingTarget implements BenchmarkTarget {
        int runs;

        @Override
        public TargetInfo info() {
            return new TargetInfo("fake", "host", "m", "soc", "x86_64", false, null, "b");
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
            double spread = runs++ == 0 ? 0.2 : 0.001;
            long[] samples = new long[settings.rounds()];
            int[] sizes = new int[settings.rounds()];
            for (int r = 0; r < samples.length; r++) {
                samples[r] = Math.round(1_000_000 * (1 + spread * ((r % 2 == 0 ? 1 : -1) * (r + 1.0) / samples.length)));
                sizes[r] = 1;
            }
            return new RawRun(samples, List.of(), "0", "fake", 1, "ab", 1L, 1L, sizes);
        }

        @Override
        public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                         BatchSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static final BenchModel MODEL = new BenchModel(Path.of("m.onnx"), "m", null, "ab", null, null, null);
    private static final RunSettings TEN_ROUNDS = new RunSettings("cpu", "fp32", 0, 10, 0, 1, null, 0, 10);

    @Test
    void measuresMoreUntilTheIntervalIsNarrowEnough() {
        SettlingTarget target = new SettlingTarget();
        List<String> said = new ArrayList<>();
        BenchmarkSession session = new BenchmarkSession(new RunStore(dir), said::add, RunRecord.Origin.bench(null));
        var outcome = session.run(target, MODEL, TEN_ROUNDS, new StoppingRule(5, 600));
        assertTrue(target.runs >= 2, "one wide run must be followed by more: " + said);
        assertTrue(said.get(said.size() - 1).contains("within the target"), said.toString());
        assertEquals(10 * target.runs, outcome.record().summary().roundP50Us().size());
        assertEquals(10 * target.runs, outcome.record().settings().rounds());
    }

    @Test
    void saysWhenTheTargetIsNotMetInTime() {
        SettlingTarget target = new SettlingTarget();
        List<String> said = new ArrayList<>();
        new BenchmarkSession(new RunStore(dir), said::add, RunRecord.Origin.bench(null)).run(target, MODEL, TEN_ROUNDS, new StoppingRule(0.0001, 0));
        assertEquals(1, target.runs, said.toString());
        assertTrue(said.get(said.size() - 1).contains("NOT met"), said.toString());
    }

    @Test
    void withoutATargetItMeasuresOnce() {
        SettlingTarget target = new SettlingTarget();
        new BenchmarkSession(new RunStore(dir), m -> { }, RunRecord.Origin.bench(null)).run(target, MODEL, TEN_ROUNDS, StoppingRule.ONCE);
        assertEquals(1, target.runs);
    }
}
