package dev.lighttrack.bench.run;

import java.util.List;

/**
 * What one run of the runner produced: every measured sample (ns, run order, warmup excluded), per-op
 * timings when the backend gives them, and what the runner said about itself.
 */
public record RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                     String modelSha256, Long loadNs, Long firstInferenceNs) {
    public RawRun {
        ops = List.copyOf(ops);
    }
}
