package dev.lighttrack.bench.lut;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.stats.SampleStats;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which per-model statistic a table predicts, for its entries and its whole-model runs alike. The median is
 * what a phone's user sees; the 10th percentile is the latency without interference, steadier on a host shared
 * with other work (interference only ever adds time).
 */
public enum LutStatistic {
    P50, P10;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LutStatistic parse(String s) {
        for (LutStatistic v : values()) {
            if (v.label().equals(s)) {
                return v;
            }
        }
        throw BenchException.badInput("statistic '" + s + "' is not one of "
                + Arrays.stream(values()).map(LutStatistic::label).collect(Collectors.joining(", ")));
    }

    public double of(LutEntry e) {
        return this == P50 ? e.p50Us() : e.p10Us();
    }

    /** Null when the run does not have this statistic. */
    public Double of(WholeModelRun r) {
        return this == P50 ? Double.valueOf(r.p50Us()) : r.p10Us();
    }

    public double of(SampleStats s) {
        return this == P50 ? s.p50Us() : s.p10Us();
    }
}
