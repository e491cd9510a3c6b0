package dev.lighttrack.bench.agents.runner;

import java.util.Objects;

/**
 * How to open a model: backend ("cpu", "gpu"), worker threads, an optional Linux cpu list ("4-7") for affinity,
 * and the precision. The runner itself validates every value and reports USAGE errors.
 */
public record RunnerOptions(String backend, int threads, String cpus, Precision precision) {
    /** Arithmetic precision the backend runs at. */
    public enum Precision { FP32, FP16 }

    public RunnerOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(precision, "precision");
    }

    /** The cpu backend, fp32, no affinity. */
    public static RunnerOptions cpu(int threads) {
        return new RunnerOptions("cpu", threads, null, Precision.FP32);
    }

    public RunnerOptions withCpus(String cpuList) {
        return new RunnerOptions(backend, threads, cpuList, precision);
    }
}
