package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.OpTiming;
import dev.lighttrack.bench.device.DeviceBusyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the runner produced: every measured sample (ns, run order, warmup excluded), per-op
 * timings when the backend gives them, and what the runner said about itself. {@code roundSizes}: how many of
 * the samples each kept round took, in order (one round for a run in one block). {@code roundConditions}: the
 * target's state as every round began, excluded rounds included (empty when not read); the rounds it does not
 * exclude are the ones {@code roundSizes} counts.
 */
public record RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                     String modelSha256, Long loadNs, Long firstInferenceNs, int[] roundSizes,
                     List<RoundCondition> roundConditions) {
    public RawRun {
        ops = List.copyOf(ops);
        roundConditions = roundConditions == null ? List.of() : List.copyOf(roundConditions);
        if (roundSizes == null) {
            roundSizes = new int[] {samplesNs.length};
        }
        if (Arrays.stream(roundSizes).sum() != samplesNs.length) {
            throw new IllegalArgumentException("round sizes " + Arrays.toString(roundSizes) + " do not add up to "
                    + samplesNs.length + " samples");
        }
        long kept = roundConditions.stream().filter(c -> !c.excluded()).count();
        if (!roundConditions.isEmpty() && kept != roundSizes.length) {
            throw new IllegalArgumentException(kept + " rounds kept by their conditions, " + roundSizes.length
                    + " rounds of samples");
        }
    }

    /** A run whose conditions were not read per round. */
    public RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                  String modelSha256, Long loadNs, Long firstInferenceNs, int[] roundSizes) {
        this(samplesNs, ops, runnerVersion, engine, protocolVersion, modelSha256, loadNs, firstInferenceNs,
                roundSizes, List.of());
    }

    /** A run in one block. */
    public RawRun(long[] samplesNs, List<OpTiming> ops, String runnerVersion, String engine, int protocolVersion,
                  String modelSha256, Long loadNs, Long firstInferenceNs) {
        this(samplesNs, ops, runnerVersion, engine, protocolVersion, modelSha256, loadNs, firstInferenceNs, null);
    }

    /**
     * This run (one visit per round, conditions not yet read) with the conditions of each of its rounds; the
     * samples of rounds begun too hot are dropped. Refused when every round was too hot: nothing would be left
     * that a gated benchmark could have measured.
     */
    public RawRun withRoundConditions(List<RoundCondition> conditions, String who) {
        if (conditions.size() != roundSizes.length) {
            throw new IllegalArgumentException(conditions.size() + " round conditions for " + roundSizes.length
                    + " rounds");
        }
        List<long[]> all = rounds();
        List<long[]> kept = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            if (!conditions.get(r).excluded()) {
                kept.add(all.get(r));
            }
        }
        if (kept.isEmpty()) {
            throw new DeviceBusyException(who + " was too hot as every round began ("
                    + String.join(", ", conditions.get(conditions.size() - 1).tooHot())
                    + "): no round could be kept; let it cool or raise the threshold in its profile");
        }
        return new RawRun(kept.stream().flatMapToLong(Arrays::stream).toArray(), ops, runnerVersion, engine,
                protocolVersion, modelSha256, loadNs, firstInferenceNs, kept.stream().mapToInt(b -> b.length).toArray(),
                conditions);
    }

    /** This run followed by {@code next} of the same model: its samples and rounds after these; ops averaged. */
    public RawRun append(RawRun next) {
        long[] samples = Arrays.copyOf(samplesNs, samplesNs.length + next.samplesNs.length);
        System.arraycopy(next.samplesNs, 0, samples, samplesNs.length, next.samplesNs.length);
        int[] sizes = Arrays.copyOf(roundSizes, roundSizes.length + next.roundSizes.length);
        System.arraycopy(next.roundSizes, 0, sizes, roundSizes.length, next.roundSizes.length);
        OpTimeAverage opTimes = new OpTimeAverage();
        opTimes.add(ops, samplesNs.length);
        opTimes.add(next.ops, next.samplesNs.length);
        // conditions describe every round or none: a part without them leaves the whole without them
        List<RoundCondition> conditions = new ArrayList<>();
        if (!roundConditions.isEmpty() && !next.roundConditions.isEmpty()) {
            conditions.addAll(roundConditions);
            conditions.addAll(next.roundConditions);
        }
        return new RawRun(samples, opTimes.result(), runnerVersion, engine, protocolVersion, modelSha256, loadNs,
                firstInferenceNs, sizes, conditions);
    }

    /** How many rounds were dropped because they began too hot. */
    public int excludedRounds() {
        return (int) roundConditions.stream().filter(RoundCondition::excluded).count();
    }

    /** The samples of each kept round, in order. */
    public List<long[]> rounds() {
        List<long[]> rounds = new ArrayList<>(roundSizes.length);
        int at = 0;
        for (int size : roundSizes) {
            rounds.add(Arrays.copyOfRange(samplesNs, at, at + size));
            at += size;
        }
        return rounds;
    }
}
