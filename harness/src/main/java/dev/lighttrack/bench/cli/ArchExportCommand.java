package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.export.ModelFiles;
import dev.lighttrack.bench.export.OnnxExporter;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench arch export}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a subnet as an ONNX model (opset 13, BN folded, seeded random weights).")
final class ArchExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    enum Part { search, template }

    @Mixin
    ArchOption arch;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "Where to write the model.")
    Path out;

    @Option(names = "--part", defaultValue = "search", paramLabel = "PART",
            description = "search (per-frame model: input 'search', outputs 'cls' and 'reg'; template features are a"
                    + " constant) or template (the template branch). Default ${DEFAULT-VALUE}.")
    Part part;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    TemplateSizeOption templateSize;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Weight seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!out.getFileName().toString().endsWith(".onnx")) {
            throw new InvalidSetting("out", out + " should name a .onnx file");
        }
        Architecture a = arch.resolve();
        Subnet subnet = part == Part.search ? SubnetBuilder.search(a, searchSize.checked(), templateSize.checked())
                : SubnetBuilder.template(a, templateSize.checked());
        ModelFiles.write(OnnxExporter.export(subnet, seed), out);
        if (OutputOptions.of(spec).json) {
            System.out.println(JsonMapper.write(new Exported(out.toString(), part.name(), ArchStringCodec.format(a),
                    subnet.cost().macs(), subnet.cost().params(), seed)));
        } else {
            System.err.printf("wrote %s (%s part, %s MACs, %s params)%n", out, part,
                    ArchReport.mega(subnet.cost().macs()), ArchReport.mega(subnet.cost().params()));
        }
        return 0;
    }

    /** What --json prints: the file and what it holds. */
    record Exported(String out, String part, String arch, long macs, long params, long seed) {
    }
}
