package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LatencyPredictor;
import dev.lighttrack.bench.lut.LutFiles;
import dev.lighttrack.bench.lut.LutKey;
import dev.lighttrack.bench.lut.LutPredictionReport;
import dev.lighttrack.bench.lut.LutTable;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench lut predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicted per-frame latency of an arch: the sum of its table entries plus the fitted overhead, "
                + "with the per-op breakdown.")
final class LutPredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lut", required = true, paramLabel = "FILE", description = "A table from 'bench lut build'.")
    Path lut;

    @Mixin
    ArchOption arch;



    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        LutTable table = LutFiles.read(lut);
        Architecture a = arch.resolve();
        LatencyPredictor.Prediction p = new LatencyPredictor(table).predict(a);
        LutKey k = table.key();
        String name = ArchPresets.nameOf(a) != null ? ArchPresets.nameOf(a) : ArchStringCodec.format(a);
        if (json) {
            System.out.println(JsonMapper.write(LutPredictionReport.of(ArchStringCodec.format(a), lut.toString(), table, p)));
            return 0;
        }
        System.out.printf("%s: %.3f ms predicted (%s) on %s%s %s %s (%d threads)%n", name, p.latencyUs() / 1000,
                table.statistic().label(), k.virtual() ? "virtual:" : "", k.profile(), k.backend(), k.precision(),
                k.threads());
        System.out.printf("  = %.3f ms over %d entries %+.3f ms fitted (%.4f x sum %+.3f ms per inference %+.4f ms "
                + "per op)%n", p.opSumUs() / 1000, p.ops(), p.correctionUs() / 1000, table.fit().scale(),
                table.fit().overheadUs() / 1000, table.fit().perOpUs() / 1000);
        if (p.measurementCiUs() != null) {
            System.out.printf("  entries' own 95%% intervals give %.3f .. %.3f ms (a bound: taken as fully correlated)%n",
                    p.measurementCiUs()[0] / 1000, p.measurementCiUs()[1] / 1000);
        }
        int width = p.terms().stream().mapToInt(t -> t.unit().length()).max().orElse(4);
        for (LatencyPredictor.Term t : p.terms()) {
            System.out.printf("  %-" + width + "s  %8.3f ms  %s%n", t.unit(), t.us() / 1000, t.signature());
        }
        return 0;
    }
}
