package dev.lighttrack.bench.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.stats.SampleStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Six models of one true latency on a machine that slows by 50% over the measurement: measured one block each,
 * the last model looks much slower than the first; interleaved in rounds, they look alike. And a retest in the
 * reversed order keeps the models' ratios only when interleaved.
 */
class InterleavedDriftTest {
    private static final long TRUE_NS = 1_000_000;
    private static final int MODELS = 6;
    private static final int ITERATIONS = 60;

    @Test
    void interleavedRoundsCancelASlowDriftThatBlocksDoNot() {
        double block = spread(measure(1, false));
        double interleaved = spread(measure(20, false));
        assertTrue(block > 1.30, "one block each: a 50% drift shows as a spread of " + block);
        assertTrue(interleaved < 1.03, "20 interleaved rounds: the spread is " + interleaved);
    }

    @Test
    void aReversedRetestKeepsTheModelsRatiosOnlyWhenInterleaved() {
        // the machine is slower during the second pass for every model: no plan can cancel that between passes,
        // but interleaved, every model sees the same slow-down, so ratios between models (and ranks) survive
        assertTrue(retestRatioSpread(1) > 1.30, "blocks: " + retestRatioSpread(1));
        assertTrue(retestRatioSpread(20) < 1.03, "interleaved: " + retestRatioSpread(20));
    }

    /**
     * Both passes on one drifting machine, the second backwards: how far apart the models' second/first ratios
     * are (1 when every model's retest moved by the same factor).
     */
    private static double retestRatioSpread(int rounds) {
        DriftingTarget target = drifting(MODELS * ITERATIONS * 2);
        List<Double> first = measure(target, rounds, false);
        List<Double> second = measure(target, rounds, true);
        return spread(IntStream.range(0, MODELS).mapToObj(i -> second.get(i) / first.get(i)).toList());
    }

    private static List<Double> measure(int rounds, boolean reversed) {
        return measure(drifting(MODELS * ITERATIONS), rounds, reversed);
    }

    /** A machine 50% slower after {@code samples} samples than at the start. */
    private static DriftingTarget drifting(int samples) {
        return new DriftingTarget(m -> TRUE_NS, 0.5 / samples);
    }

    private static List<Double> measure(DriftingTarget target, int rounds, boolean reversed) {
        RunSettings settings = new RunSettings("cpu", "fp32", 0, ITERATIONS, 0, 1, null, 0, rounds);
        MeasurementPlan measurer = new MeasurementPlan(target, settings, MODELS, PlanProgress.SILENT);
        List<Integer> items = IntStream.range(0, MODELS).boxed().toList();
        Double[] medians = new Double[MODELS];
        measurer.measure("drift", items, InterleavedDriftTest::model, 0, MODELS,
                reversed, (Integer i, RawRun raw) -> medians[i] = SampleStats.of(raw.samplesNs()).p50Us());
        return new ArrayList<>(List.of(medians));
    }

    private static BenchModel model(int i) {
        return new BenchModel(Path.of("m" + i + ".onnx"), "m" + i, null, "sha" + i, 1L, 1L, null);
    }

    private static double spread(List<Double> medians) {
        return medians.stream().mapToDouble(d -> d).max().orElseThrow()
                / medians.stream().mapToDouble(d -> d).min().orElseThrow();
    }
}
