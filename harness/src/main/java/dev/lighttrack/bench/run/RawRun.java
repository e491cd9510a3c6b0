package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.OpTiming;
import java.util.List;

/**
 * What one run of the runner produced: every measured sample (ns, run order, warmup excluded), per-op
 * timings when the backend gives them, and what the runner said about itself. {@code roundSizes}: how many of
 * the samples each round took, in order (one round for a run in one block).
 */
public record RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                     String modelSha256, Long loadNs, Long firstInferenceNs, int[] roundSizes) {
    public RawRun {
        ops = List.copyOf(ops);
        if (roundSizes == null) {
            roundSizes = new int[] {samplesNs.length};
        }
        if (java.util.Arrays.stream(roundSizes).sum() != samplesNs.length) {
            throw new IllegalArgumentException("round sizes " + java.util.Arrays.toString(roundSizes) + " do not add up to "
                    + samplesNs.length + " samples");
        }
    }

    /** A run in one block. */
    public RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                  String modelSha256, Long loadNs, Long firstInferenceNs) {
        this(samplesNs, ops, runnerVersion, engine, protocolVersion, modelSha256, loadNs, firstInferenceNs, null);
    }

    /** The samples of each round, in order. */
    public List<long[]> rounds() {
        List<long[]> rounds = new java.util.ArrayList<>(roundSizes.length);
        int at = 0;
        for (int size : roundSizes) {
            rounds.add(java.util.Arrays.copyOfRange(samplesNs, at, at + size));
            at += size;
        }
        return rounds;
    }
}
