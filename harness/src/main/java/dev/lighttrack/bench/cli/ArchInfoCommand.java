package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.ArchCostReport;
import dev.lighttrack.bench.space.ArchPresets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench arch info}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "MACs and params of an architecture (thop rules), per stage and per layer.")
final class ArchInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--arch", required = true, paramLabel = "ARCH",
            description = "Arch string (back_...+cls_...+reg_..._ops_sb) or preset name (lighttrack-mobile).")
    String arch;

    @Mixin
    SearchSizeOption searchSize;

    @Option(names = "--template-size", defaultValue = "128", paramLabel = "N",
            description = "Template crop size in pixels (default ${DEFAULT-VALUE}).")
    int templateSize;


    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        ArchCostReport report = ArchCostReport.of(ArchPresets.resolve(arch), searchSize.checked(), templateSize);
        System.out.print(json ? Json.write(report) + "\n" : ArchReport.text(report));
        return 0;
    }
}
