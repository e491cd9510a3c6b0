package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.space.SearchSpace;

/** Maps the --budget option to a search space. */
final class SpaceOption {
    private SpaceOption() {
    }

    static SearchSpace forBudget(int budget) {
        if (budget == SearchSpace.MOBILE.backboneBudgetMacsM()) {
            return SearchSpace.MOBILE;
        }
        if (budget == SearchSpace.LARGE.backboneBudgetMacsM()) {
            return SearchSpace.LARGE;
        }
        throw new InvalidSetting("budget", budget + " is not a LightTrack backbone budget: expected 470 or 600");
    }
}
