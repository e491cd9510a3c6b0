package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SampledArch;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench arch sample}. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Seeded uniform samples of the space, optionally under a MACs limit.")
final class ArchSampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Rejection sampling gives up after this many draws per requested arch. */
    private static final int MAX_DRAWS_PER_ARCH = 10_000;
    static final int MAX_COUNT = 100_000;

    @Option(names = "--count", defaultValue = "10", paramLabel = "N", description = "How many, 1-" + MAX_COUNT + " (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-macs", paramLabel = "M",
            description = "Keep only archs with at most M MACs per frame (e.g. 600M, 6e8, 600000000).")
    String maxMacs;

    @Mixin
    SpaceOption budget;

    @Mixin
    SearchSizeOption searchSize;


    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        new SettingRange(1, MAX_COUNT).check("count", count);
        long limit = maxMacs == null ? Long.MAX_VALUE : MacsValue.parse("maxMacs", maxMacs);
        ArchSampler sampler = new ArchSampler(budget.space());
        Random rng = new Random(seed);
        List<SampledArch> rows = new ArrayList<>();
        long draws = 0;
        while (rows.size() < count) {
            if (++draws > (long) MAX_DRAWS_PER_ARCH * count) {
                throw new InvalidSetting("maxMacs", maxMacs + " admits only " + rows.size() + " of " + count
                        + " archs in " + (draws - 1) + " draws: raise it");
            }
            Architecture a = sampler.sample(rng);
            var cost = SubnetBuilder.search(a, searchSize.checked(), SubnetBuilder.DEFAULT_TEMPLATE_SIZE).cost();
            if (cost.macs() <= limit) {
                rows.add(new SampledArch(ArchStringCodec.format(a), cost.macs(), cost.params()));
            }
        }
        if (json) {
            System.out.println(JsonMapper.write(rows));
        } else {
            for (SampledArch r : rows) {
                System.out.printf("%s  %s MACs  %s params%n", r.arch(), ArchReport.mega(r.macs()),
                        ArchReport.mega(r.params()));
            }
        }
        return 0;
    }
}
