package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.run.RunSettings;
import picocli.CommandLine.Option;

/**
 * How every measuring command measures: one definition of these options. Their defaults come from
 * {@link MeasurementDefaults} (one place), so that --help shows the value the command really uses.
 */
final class MeasurementOptions {
    @Option(names = "--backend", paramLabel = "B",
            description = "cpu (XNNPACK), gpu (OpenCL) or dsp (NNAPI). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--precision", paramLabel = "fp32|fp16",
            description = "Arithmetic precision (default ${DEFAULT-VALUE}); fp16 needs a gpu with cl_khr_fp16 "
                    + "(the runner says so when the device lacks it).")
    String precision;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed inferences first, per model, 0-" + RunSettings.MAX_WARMUP
                    + " (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Timed inferences per model, at least; 1-" + RunSettings.MAX_ITERATIONS
                    + " (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--min-seconds", paramLabel = "S",
            description = "Keep timing each model until this much time has passed too; 0-" + RunSettings.MAX_SECONDS
                    + " (default ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Inference threads, 1-" + RunSettings.MAX_THREADS + " (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--cpus", paramLabel = "LIST",
            description = "CPU list to pin to (e.g. 4-7). Default: the profile's big cores on devices, none on the host.")
    String cpus;

    @Option(names = "--delay-ms", paramLabel = "MS",
            description = "Pause between inferences, for thermally fair comparisons; 0-" + RunSettings.MAX_DELAY_MS
                    + " (default ${DEFAULT-VALUE}).")
    double delayMs;

    /** The settings of a run in one block, each number checked against its range. */
    RunSettings settings() {
        return settings(1);
    }

    /** The settings of a run whose --iterations and --min-seconds are spread over {@code rounds} rounds. */
    RunSettings settings(int rounds) {
        return new RunSettings(backend, precision, warmup, iterations, minSeconds, threads, cpus, delayMs, rounds);
    }
}
