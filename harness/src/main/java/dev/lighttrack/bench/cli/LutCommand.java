package dev.lighttrack.bench.cli;

import picocli.CommandLine.Command;

/** {@code bench lut}: per-op latency lookup tables, the predictor built on them, and its validation. */
@Command(name = "lut", mixinStandardHelpOptions = true,
        description = "Latency lookup tables: build one on a device, predict subnet latency from it, validate it "
                + "against end-to-end measurements.",
        subcommands = {LutBuildCommand.class, LutPredictCommand.class, LutValidateCommand.class})
final class LutCommand {
}
