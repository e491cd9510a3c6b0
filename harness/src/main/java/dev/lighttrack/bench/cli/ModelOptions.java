package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.session.ModelChoice;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a measuring command measures: --model FILE or --arch ARCH (exported at --search-size). */
final class ModelOptions {
    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    static final class Choice {
        @Option(names = "--model", paramLabel = "FILE.onnx", description = "An ONNX model to measure.")
        Path model;

        @Option(names = "--arch", paramLabel = "ARCH",
                description = "An arch string or preset to export and measure. Default: " + ModelChoice.DEFAULT_ARCH + ".")
        String arch;
    }

    @Mixin
    SearchSizeOption searchSize;

    ModelChoice choice() {
        return new ModelChoice(choice.model, choice.arch, searchSize.searchSize);
    }
}
