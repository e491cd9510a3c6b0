package dev.lighttrack.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The order in which an interleaved run visits its models: one list per round, each naming every model (by its
 * index in the batch) exactly once. The harness decides it and hands it to the agent ({@code --order}), so that
 * a device and this host measure alike and the order can be tested without either.
 */
public record VisitOrder(int models, List<List<Integer>> rounds) {
    public VisitOrder {
        if (models < 1) {
            throw new IllegalArgumentException("a visiting order needs at least one model, got " + models);
        }
        rounds = rounds.stream().map(List::copyOf).toList();
        for (List<Integer> round : rounds) {
            if (!round.stream().sorted().toList().equals(IntStream.range(0, models).boxed().toList())) {
                throw new IllegalArgumentException("every round must visit models 0.." + (models - 1)
                        + " once, got " + round);
            }
        }
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a visiting order needs at least one round");
        }
    }

    /** Round r visits r, r+1, ... (mod n): every model is first, last and in between equally often. */
    public static VisitOrder rotating(int models, int rounds) {
        List<List<Integer>> order = new ArrayList<>(rounds);
        for (int r = 0; r < rounds; r++) {
            int start = r % models;
            order.add(IntStream.range(0, models).map(k -> (start + k) % models).boxed().toList());
        }
        return new VisitOrder(models, order);
    }

    /** Every round a fresh permutation drawn with {@code seed}: no model follows the same one every time. */
    public static VisitOrder shuffled(int models, int rounds, long seed) {
        Random rng = new Random(seed);
        List<List<Integer>> order = new ArrayList<>(rounds);
        for (int r = 0; r < rounds; r++) {
            List<Integer> round = new ArrayList<>(IntStream.range(0, models).boxed().toList());
            Collections.shuffle(round, rng);
            order.add(round);
        }
        return new VisitOrder(models, order);
    }

    /** The same visits backwards in time: what came last comes first (a retest that drift does not flatter). */
    public VisitOrder reversed() {
        List<List<Integer>> order = new ArrayList<>(rounds.size());
        for (int r = rounds.size() - 1; r >= 0; r--) {
            List<Integer> round = new ArrayList<>(rounds.get(r));
            Collections.reverse(round);
            order.add(round);
        }
        return new VisitOrder(models, order);
    }

    public int roundCount() {
        return rounds.size();
    }

    /** Refuses an order made for another batch: a mismatch is a bug of the caller, not of the user. */
    public VisitOrder requireFits(int modelCount, int roundCount) {
        if (models != modelCount || rounds.size() != roundCount) {
            throw new IllegalArgumentException("a visiting order for " + models + " models x " + rounds.size()
                    + " rounds cannot run " + modelCount + " models x " + roundCount + " rounds");
        }
        return this;
    }

    /** The agent's {@code --order} file: one line per round, the indices separated by blanks. */
    public String toAgentFile() {
        return rounds.stream().map(r -> r.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
