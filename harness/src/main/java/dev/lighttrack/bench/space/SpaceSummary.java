package dev.lighttrack.bench.space;

import java.math.BigInteger;
import java.util.List;

/** {@code bench arch space}: the budget, the stage depths and the space's sizes. */
public record SpaceSummary(int backboneBudgetMmacs, List<Integer> stageDepths, BigInteger backbonePaths,
                           BigInteger towerPathsPerBranch, BigInteger encodedArchs,
                           BigInteger distinctNetworks) {
    public static SpaceSummary of(SearchSpace space) {
        SpaceSize size = SpaceSize.of(space);
        return new SpaceSummary(space.backboneBudgetMacsM(), space.stageDepths(), size.backbonePaths(),
                size.towerPaths(), size.encoded(), size.distinctNetworks());
    }
}
