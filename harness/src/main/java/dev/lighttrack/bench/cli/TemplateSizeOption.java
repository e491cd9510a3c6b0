package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.SubnetBuilder;
import picocli.CommandLine.Option;

/** --template-size, for the commands that lay out the template branch too. */
final class TemplateSizeOption {
    @Option(names = "--template-size", defaultValue = "" + SubnetBuilder.DEFAULT_TEMPLATE_SIZE, paramLabel = "N",
            description = "Template crop size in pixels, " + SubnetBuilder.MIN_SIZE + "-" + SubnetBuilder.MAX_SIZE
                    + " (default ${DEFAULT-VALUE}).")
    int templateSize;

    int checked() {
        SubnetBuilder.checkSize("templateSize", templateSize);
        return templateSize;
    }
}
