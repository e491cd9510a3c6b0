package dev.lighttrack.bench.cli;

import picocli.CommandLine.Command;

/** {@code bench ci}: latency regression checks for CI jobs. */
@Command(name = "ci", mixinStandardHelpOptions = true,
        description = "Latency regression checks for CI: A/B of a control and a treatment on each device (or the "
                + "treatment against a stored baseline), with JUnit XML for the CI server.",
        subcommands = {CiCheckCommand.class, CiBaselineCommand.class})
final class CiCommand {
}
