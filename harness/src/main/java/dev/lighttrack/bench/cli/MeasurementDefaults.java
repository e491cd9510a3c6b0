package dev.lighttrack.bench.cli;

import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The one place that holds the defaults of {@link MeasurementOptions}: {@code bench} and every command that
 * measures use {@link #STANDARD}; a command whose defaults must differ says why in its description.
 */
class MeasurementDefaults implements CommandLine.IDefaultValueProvider {
    static final Map<String, String> STANDARD = Map.of(
            "--backend", "cpu",
            "--precision", "fp32",
            "--warmup", "10",
            "--iterations", "100",
            "--min-seconds", "1",
            "--threads", "1",
            "--delay-ms", "0");

    /** Lookup tables time hundreds of small op models: half a second each keeps a build near a minute. */
    static final String LUT_MIN_SECONDS = "0.5";

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option ? defaults().get(option.longestName()) : null;
    }

    Map<String, String> defaults() {
        return STANDARD;
    }

    /** For {@code lut build} and {@code lut validate}: --min-seconds {@value #LUT_MIN_SECONDS}. */
    static final class ForLut extends MeasurementDefaults {
        private static final Map<String, String> LUT = withMinSeconds(LUT_MIN_SECONDS);

        @Override
        Map<String, String> defaults() {
            return LUT;
        }

        private static Map<String, String> withMinSeconds(String seconds) {
            var m = new java.util.HashMap<>(STANDARD);
            m.put("--min-seconds", seconds);
            return Map.copyOf(m);
        }
    }
}
