package dev.lighttrack.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code bench} command. */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "bench 0.1.0",
        description = "Hardware-in-the-loop latency benchmarking for LightTrack subnets.",
        subcommands = {ArchCommand.class, DevicesCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;

    @Override
    public Integer call() {
        throw new UserError("benchmarking is not implemented yet; see 'bench --help' for the commands that are");
    }
}
