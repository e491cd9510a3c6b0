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

    static final int DEFAULT_ROUNDS = 10;

    @Option(names = "--rounds", paramLabel = "R",
            description = "Rounds each measurement is split into, 1-" + RunSettings.MAX_ROUNDS + " (default "
                    + DEFAULT_ROUNDS + ", or --iterations when fewer): --iterations and --min-seconds spread evenly "
                    + "over them, warmup once; the models of a batch take turns round by round in one runner process, "
                    + "and the median's 95% confidence interval comes from the round medians (at least 6 rounds).")
    Integer rounds;

    /** The settings, each number checked against its range. */
    RunSettings settings() {
        int r = rounds != null ? rounds : Math.max(1, Math.min(DEFAULT_ROUNDS, iterations));
        return new RunSettings(backend, precision, warmup, iterations, minSeconds, threads, cpus, delayMs, r);
    }
}
