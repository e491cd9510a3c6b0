package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.run.RunSettings;
import picocli.CommandLine.Option;

/** --threshold and --max-rounds of a regression check ({@code ci check}, {@code perf ci}), checked before work. */
final class CheckOptions {
    @Option(names = "--threshold", defaultValue = "5%", paramLabel = "PCT",
            description = "The smallest slow-down that is a regression, 0.1-100% (default ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--max-rounds", defaultValue = "60", paramLabel = "R",
            description = "Rounds an A/B may take before it is called inconclusive, 2-" + RunSettings.MAX_ROUNDS
                    + " (default ${DEFAULT-VALUE}).")
    int maxRounds;

    double thresholdPct() {
        String t = threshold.trim();
        String number = t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t;
        try {
            double v = Double.parseDouble(number);
            if (v >= 0.1 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidSetting("threshold", "'" + threshold + "' is not a percentage from 0.1 to 100 (e.g. 5%)");
    }

    /**
     * The measurement settings of a check or comparison: at least 6 rounds, since the ratios' 95% intervals come
     * from them.
     */
    static RunSettings checked(RunSettings settings) {
        if (settings.rounds() < 6) {
            throw new InvalidSetting("rounds", "must be at least 6 here: the ratios' 95% intervals come from the "
                    + "rounds");
        }
        return settings;
    }

    int maxRounds() {
        new SettingRange(2, RunSettings.MAX_ROUNDS).check("maxRounds", maxRounds);
        return maxRounds;
    }
}
