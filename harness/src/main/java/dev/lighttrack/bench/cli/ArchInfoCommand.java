package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.ArchCostReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench arch info}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "MACs and params of an architecture (thop rules), per stage and per layer.")
final class ArchInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArchOption arch;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    TemplateSizeOption templateSize;


    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        ArchCostReport report = ArchCostReport.of(arch.resolve(), searchSize.checked(), templateSize.checked());
        System.out.print(json ? JsonMapper.write(report) + "\n" : ArchReport.text(report));
        return 0;
    }
}
