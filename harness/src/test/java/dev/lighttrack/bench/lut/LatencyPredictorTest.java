package dev.lighttrack.bench.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.SearchSpace;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatencyPredictorTest {
    static final LutKey KEY = new LutKey("sd845", "SDM845", "fp", false, "cpu", "fp32", 1, "0.1.0", 256, 128, 470);
    static final LutFit FIT = new LutFit("test", 10, 1, 300, -20, 0, 0);

    /**
     * Entry values that say what they are: stem 1000, DS 500, an IR block its output channels + kernel × expansion,
     * the fusion path 2000, a tower layer width/8 + kernel, a prediction its output channels (µs).
     */
    static double valueOf(String signature) {
        String kind = signature.substring(0, signature.indexOf('@'));
        int outChannels = Integer.parseInt(signature.substring(signature.indexOf("->") + 2).split("x")[0]);
        Matcher ir = Pattern.compile("ir_k(\\d)e(\\d)_s\\d").matcher(kind);
        Matcher tower = Pattern.compile("dsconv(\\d)_\\d+_(\\d+)").matcher(kind);
        if (kind.equals("stem")) {
            return 1000;
        } else if (kind.equals("ds_k3")) {
            return 500;
        } else if (ir.matches()) {
            return outChannels + Integer.parseInt(ir.group(1)) * Integer.parseInt(ir.group(2));
        } else if (kind.startsWith("neck_bn+")) {
            return 2000;
        } else if (tower.matches()) {
            return Integer.parseInt(tower.group(2)) / 8.0 + Integer.parseInt(tower.group(1));
        } else if (kind.startsWith("pred")) {
            return outChannels;
        }
        throw new AssertionError("unexpected op " + signature);
    }

    static LutTable table(LutFit fit) {
        return table(fit, false);
    }

    /** {@code intervals}: every entry keeps a median interval of ±2% around its value. */
    static LutTable table(LutFit fit, boolean intervals) {
        Map<String, LutEntry> entries = new TreeMap<>();
        for (OpSignature s : OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).keySet()) {
            double v = valueOf(s.value());
            entries.put(s.value(), new LutEntry(s.value(), v, v * 0.9, v * 1.1, v, 100, 1,
                    intervals ? java.util.List.of(v * 0.98, v * 1.02) : null));
        }
        return new LutTable(LutTable.SCHEMA_VERSION, KEY, new LutSettings(10, 100, 0.5, null), null, entries, null,
                fit, "t", "t");
    }

    @Test
    void lighttrackMobileIsTheHandSumOfItsEntriesPlusTheFittedCorrection() {
        // back_0 45 0251 4044 521(0) ... _ops_32: stem, DS, c24 k7e4 k7e6, c40 k3e4 k5e4 k7e6 k3e6,
        // c80 k7e4 k3e4 k7e4 k7e4, c96 k7e6 k5e4 k3e6 (output after block 2), the fusion path,
        // cls width 256: dsconv5 dsconv5 dsconv3 x4 (2 skips), reg width 192: dsconv3 x5 dsconv5 x3, two preds
        double backbone = 1000 + 500
                + (24 + 28) + (24 + 42)
                + (40 + 12) + (40 + 20) + (40 + 42) + (40 + 18)
                + (80 + 28) + (80 + 12) + (80 + 28) + (80 + 28)
                + (96 + 42) + (96 + 20) + (96 + 18);
        double cls = 6 * 32 + 5 + 5 + 4 * 3 + 1;
        double reg = 8 * 24 + 5 * 3 + 3 * 5 + 4;
        double handSum = backbone + 2000 + cls + reg;
        int ops = 15 + 1 + 7 + 9;

        LatencyPredictor.Prediction p = new LatencyPredictor(table(FIT))
                .predict(ArchPresets.resolve("lighttrack-mobile"));
        assertEquals(ops, p.ops());
        assertEquals(handSum, p.opSumUs(), 1e-9);
        assertEquals(handSum + 300 - 20 * ops, p.latencyUs(), 1e-9);
        assertEquals("stem", p.terms().get(0).unit());
    }

    @Test
    void theEntriesIntervalsBoundThePredictionsMeasurementUncertainty() {
        var mobile = ArchPresets.resolve("lighttrack-mobile");
        LatencyPredictor.Prediction p = new LatencyPredictor(table(FIT, true)).predict(mobile);
        int ops = p.ops();
        assertEquals(0.98 * p.opSumUs() + 300 - 20 * ops, p.measurementCiUs()[0], 1e-6);
        assertEquals(1.02 * p.opSumUs() + 300 - 20 * ops, p.measurementCiUs()[1], 1e-6);
        // an entry without an interval (a table of blocks, or an older one): no interval claimed
        assertEquals(null, new LatencyPredictor(table(FIT)).predict(mobile).measurementCiUs());
    }

    @Test
    void aTableWithoutFitOrWithoutAnEntryCannotPredict() {
        var mobile = ArchPresets.resolve("lighttrack-mobile");
        BenchException e = assertThrows(BenchException.class,
                () -> new LatencyPredictor(table(null)).predict(mobile));
        assertTrue(e.getMessage().contains("no fitted overhead"), e.getMessage());

        LutTable full = table(FIT);
        Map<String, LutEntry> fewer = new TreeMap<>(full.entries());
        String stem = fewer.keySet().stream().filter(k -> k.startsWith("stem@")).findFirst().orElseThrow();
        fewer.remove(stem);
        LutTable partial = new LutTable(full.schemaVersion(), KEY, full.settings(), null, fewer, null, FIT, "t", "t");
        e = assertThrows(BenchException.class, () -> new LatencyPredictor(partial).predict(mobile));
        assertTrue(e.getMessage().contains("no entry for " + stem), e.getMessage());
    }

    @Test
    void anArchOfTheOtherSpaceIsRefused() {
        var large = new dev.lighttrack.bench.space.ArchSampler(SearchSpace.LARGE).sample(new java.util.Random(1));
        BenchException e = assertThrows(BenchException.class,
                () -> new LatencyPredictor(table(FIT)).predict(large));
        assertTrue(e.getMessage().contains("600 space") && e.getMessage().contains("470 space"), e.getMessage());
    }
}
