package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.ArchPresets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench arch info}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "MACs and params of an architecture (thop rules), per stage and per layer.")
final class ArchInfoCommand implements Callable<Integer> {
    @Option(names = "--arch", required = true, paramLabel = "ARCH",
            description = "Arch string (back_...+cls_...+reg_..._ops_sb) or preset name (lighttrack-mobile).")
    String arch;

    @Option(names = "--search-size", defaultValue = "256", paramLabel = "N",
            description = "Search crop size in pixels (default ${DEFAULT-VALUE}; LightTrack also uses 288).")
    int searchSize;

    @Option(names = "--template-size", defaultValue = "128", paramLabel = "N",
            description = "Template crop size in pixels (default ${DEFAULT-VALUE}).")
    int templateSize;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ArchReport report = new ArchReport(ArchPresets.resolve(arch), searchSize, templateSize);
        System.out.print(json ? Json.write(report.toMap()) + "\n" : report.toText());
        return 0;
    }
}
