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

    /** This run followed by {@code next} of the same model: its samples and rounds after these; ops averaged. */
    public RawRun append(RawRun next) {
        long[] samples = java.util.Arrays.copyOf(samplesNs, samplesNs.length + next.samplesNs.length);
        System.arraycopy(next.samplesNs, 0, samples, samplesNs.length, next.samplesNs.length);
        int[] sizes = java.util.Arrays.copyOf(roundSizes, roundSizes.length + next.roundSizes.length);
        System.arraycopy(next.roundSizes, 0, sizes, roundSizes.length, next.roundSizes.length);
        OpTimeAverage opTimes = new OpTimeAverage();
        opTimes.add(ops, samplesNs.length);
        opTimes.add(next.ops, next.samplesNs.length);
        return new RawRun(samples, opTimes.result(), runnerVersion, engine, protocolVersion, modelSha256, loadNs,
                firstInferenceNs, sizes);
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
