package dev.lighttrack.bench.run;

/**
 * How to run one benchmark: like TFLite benchmark_model's num_runs and min_secs, the runner keeps going until
 * both {@code iterations} and {@code minSeconds} are met. {@code cpus} is a Linux cpu list ("4-7") or null.
 */
public record RunSettings(String backend, String precision, int warmup, int iterations, double minSeconds, int threads,
                          String cpus, double delayMs) {
    public RunSettings {
        if (!"fp32".equals(precision) && !"fp16".equals(precision)) {
            throw new IllegalArgumentException("--precision must be fp32 or fp16, got '" + precision + "'");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        if (minSeconds < 0 || Double.isNaN(minSeconds)) {
            throw new IllegalArgumentException("--min-seconds must be 0 or more, got " + minSeconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("--delay-ms must be 0 or more, got " + delayMs);
        }
    }

    public RunSettings withCpus(String cpuList) {
        return new RunSettings(backend, precision, warmup, iterations, minSeconds, threads, cpuList, delayMs);
    }
}
