package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The target and measurement options of {@code bench lut build} and {@code bench lut validate}. */
final class LutTargetOptions {
    @Option(names = "--device", required = true, paramLabel = "SPEC",
            description = "host, virtual:PROFILE, or a profile name selecting one attached device (see bench --help).")
    String device;

    @Option(names = "--serial", paramLabel = "S", description = "The attached device with this serial.")
    String serial;

    @Option(names = "--backend", required = true, paramLabel = "B", description = "cpu, gpu or dsp.")
    String backend;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
            description = "Untimed inferences before each model (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "100", paramLabel = "N",
            description = "Timed inferences per model, at least (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--min-seconds", defaultValue = "0.5", paramLabel = "S",
            description = "Keep timing each model at least this long (default ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Inference threads (default ${DEFAULT-VALUE}); part of the table's key.")
    int threads;

    @Option(names = "--cpus", paramLabel = "LIST",
            description = "CPU list to pin to. Default: the profile's big cores on devices, none on the host.")
    String cpus;

    @Option(names = "--batch-size", defaultValue = "16", paramLabel = "N",
            description = "Models per runner process (default ${DEFAULT-VALUE}); an interruption loses at most the "
                    + "model in flight.")
    int batchSize;

    @Mixin
    AdbOptions adb;

    /** An open target with the settings it runs with. */
    record Opened(BenchmarkTarget target, RunSettings settings) implements AutoCloseable {
        @Override
        public void close() {
            target.close();
        }
    }

    /** Checks the options and opens the one target they name. */
    Opened open() {
        if (batchSize < 1) {
            throw new UserError("--batch-size must be at least 1, got " + batchSize);
        }
        RunSettings settings = new RunSettings(backend, "fp32", warmup, iterations, minSeconds, threads, cpus, 0);
        List<TargetResolver.Planned> planned = new TargetResolver(adb, settings)
                .resolve(device, Optional.ofNullable(serial));
        if (planned.size() != 1) {
            throw new UserError("--device " + device + " selects " + planned.size() + " devices; a lookup table is "
                    + "for one: add --serial");
        }
        TargetResolver.Planned p = planned.get(0);
        return new Opened(p.open(), p.settings());
    }
}
