package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.lut.LutFit;
import dev.lighttrack.bench.lut.LutKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** The table key and fit as the snake_case objects the lut commands print (as in the table file). */
final class LutJson {
    private LutJson() {
    }

    static Map<String, Object> key(LutKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", k.profile());
        m.put("soc", k.soc());
        m.put("build_fingerprint", k.buildFingerprint());
        m.put("virtual", k.virtual());
        m.put("backend", k.backend());
        m.put("precision", k.precision());
        m.put("threads", k.threads());
        m.put("runner_version", k.runnerVersion());
        m.put("search_size", k.searchSize());
        m.put("template_size", k.templateSize());
        m.put("backbone_budget", k.backboneBudget());
        return m;
    }

    static Map<String, Object> fit(LutFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", f.method());
        m.put("subnets", f.subnets());
        m.put("scale", f.scale());
        m.put("overhead_us", f.overheadUs());
        m.put("per_op_us", f.perOpUs());
        m.put("rms_residual_us", f.rmsResidualUs());
        m.put("loo_rms_us", f.looRmsUs());
        return m;
    }
}
