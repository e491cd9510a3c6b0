package dev.lighttrack.bench.cli;

import picocli.CommandLine.Command;

/** {@code bench perf}: benchmarks of the bench itself on this host (not of a device). */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = "Benchmarks of the bench itself: how fast the runner is against ONNX Runtime, how repeatable a "
                + "measurement plan is, how often the regression check errs, and what the harness costs.",
        subcommands = {PerfRunnerCommand.class, PerfPlansCommand.class, PerfCiCommand.class})
final class PerfCommand {
}
