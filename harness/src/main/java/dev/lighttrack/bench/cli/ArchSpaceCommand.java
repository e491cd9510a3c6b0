package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SpaceSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench arch space}. */
@Command(name = "space", mixinStandardHelpOptions = true, description = "The size and shape of the search space.")
final class ArchSpaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpaceOption budget;


    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        SearchSpace space = budget.space();
        SpaceSummary size = SpaceSummary.of(space);
        if (json) {
            System.out.println(JsonMapper.write(size));
        } else {
            System.out.printf("backbone budget   %dM (stage depths %s)%n", space.backboneBudgetMacsM(), space.stageDepths());
            System.out.printf("backbone paths    %.3e (6^%d)%n", size.backbonePaths().doubleValue(), space.searchableBlocks());
            System.out.printf("tower paths       %d per branch (3 widths x 2 x 3^7)%n", size.towerPathsPerBranch());
            System.out.printf("encoded archs     %.3e (every digit free, 12 output positions)%n", size.encodedArchs().doubleValue());
            System.out.printf("distinct networks %.3e (blocks after the output are don't-cares)%n",
                    size.distinctNetworks().doubleValue());
        }
        return 0;
    }
}
