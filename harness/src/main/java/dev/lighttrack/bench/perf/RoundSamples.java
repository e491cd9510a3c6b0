package dev.lighttrack.bench.perf;

/**
 * What one engine measured in one round: every timed inference in ns, and the caller's wall time around the call
 * that produced them ({@code -1} where the samples do not come from one in-process call).
 */
public record RoundSamples(long[] samplesNs, long callWallNs) {
    public RoundSamples {
        if (samplesNs.length == 0) {
            throw new IllegalStateException("an engine returned no samples");
        }
        samplesNs = samplesNs.clone();
    }

    @Override
    public long[] samplesNs() {
        return samplesNs.clone();
    }

    public long sumNs() {
        long sum = 0;
        for (long v : samplesNs) {
            sum += v;
        }
        return sum;
    }
}
