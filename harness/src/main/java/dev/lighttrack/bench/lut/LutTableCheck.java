package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.errors.BenchException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a table as it is read: a key that names a space and sizes, entries only of ops its space has, every
 * latency finite and positive, a fit (when present) of finite numbers. A hand-edited or corrupted table is
 * refused naming the first bad field, never turned into a 300-digit prediction.
 */
final class LutTableCheck {
    private LutTableCheck() {
    }

    static LutTable check(LutTable t, Path file) {
        LutKey k = t.key();
        if (k == null || k.profile() == null || k.backend() == null) {
            throw bad(file, "key", "missing (profile, backend, sizes: the setup the table is for)");
        }
        if (k.backboneBudget() != 470 && k.backboneBudget() != 600) {
            throw bad(file, "key.backbone_budget", "must be 470 or 600, got " + k.backboneBudget());
        }
        Set<String> known;
        try {
            known = OpCatalog.enumerate(k.space(), k.searchSize(), k.templateSize()).keySet().stream()
                    .map(OpSignature::value).collect(Collectors.toSet());
        } catch (BenchException e) {
            throw bad(file, "key", e.getMessage());
        }
        for (Map.Entry<String, LutEntry> e : t.entries().entrySet()) {
            String where = "entries." + e.getKey();
            if (!known.contains(e.getKey())) {
                throw bad(file, where, "is not an op of the " + k.backboneBudget() + " space at search size "
                        + k.searchSize());
            }
            LutEntry v = e.getValue();
            if (v == null) {
                throw bad(file, where, "is empty");
            }
            positive(file, where + ".p50_us", v.p50Us());
            positive(file, where + ".p10_us", v.p10Us());
            positive(file, where + ".p90_us", v.p90Us());
            positive(file, where + ".mean_us", v.meanUs());
        }
        for (int i = 0; i < t.wholeModels().size(); i++) {
            WholeModelRun w = t.wholeModels().get(i);
            positive(file, "whole_models[" + i + "].p50_us", w.p50Us());
        }
        LutFit f = t.fit();
        if (f != null) {
            finite(file, "fit.scale", f.scale());
            finite(file, "fit.overhead_us", f.overheadUs());
            finite(file, "fit.per_op_us", f.perOpUs());
        }
        return t;
    }

    private static void positive(Path file, String field, double v) {
        if (!Double.isFinite(v) || v <= 0 || v > 3.6e9) {
            throw bad(file, field, "must be a positive latency under an hour, got " + v);
        }
    }

    private static void finite(Path file, String field, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > 3.6e9) {
            throw bad(file, field, "must be a finite number of microseconds, got " + v);
        }
    }

    private static BenchException bad(Path file, String field, String problem) {
        return BenchException.badInput("lookup table " + file + ": " + field + " " + problem
                + "; rebuild it with 'bench lut build'");
    }
}
