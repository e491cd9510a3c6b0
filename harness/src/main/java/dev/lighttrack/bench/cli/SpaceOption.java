package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.space.SearchSpace;
import picocli.CommandLine.Option;

/** --budget, for every command that works on one of the two LightTrack spaces. */
final class SpaceOption {
    @Option(names = "--budget", defaultValue = "470", paramLabel = "B",
            description = "Backbone budget of the space: 470 (LightTrack-Mobile, 20 backbone digits) or 600 "
                    + "(22 digits). Default: ${DEFAULT-VALUE}.")
    int budget;

    SearchSpace space() {
        if (budget == SearchSpace.MOBILE.backboneBudgetMacsM()) {
            return SearchSpace.MOBILE;
        }
        if (budget == SearchSpace.LARGE.backboneBudgetMacsM()) {
            return SearchSpace.LARGE;
        }
        throw new InvalidSetting("budget", budget + " is not a LightTrack backbone budget: expected 470 or 600");
    }
}
