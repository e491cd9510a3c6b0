package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.Architecture;
import picocli.CommandLine.Option;

/** A required --arch, for the commands that take exactly one architecture. */
final class ArchOption {
    @Option(names = "--arch", required = true, paramLabel = "ARCH",
            description = "Arch string (back_...+cls_...+reg_..._ops_sb) or preset name (lighttrack-mobile).")
    String arch;

    Architecture resolve() {
        return ArchPresets.resolve(arch);
    }
}
