package dev.lighttrack.bench.cli;

import picocli.CommandLine.Command;

/** {@code bench arch}: the LightTrack search space. */
@Command(name = "arch", mixinStandardHelpOptions = true,
        description = "Inspect, sample and export architectures of the LightTrack search space.",
        subcommands = {ArchInfoCommand.class, ArchSampleCommand.class, ArchExportCommand.class, ArchSpaceCommand.class})
final class ArchCommand {
}
