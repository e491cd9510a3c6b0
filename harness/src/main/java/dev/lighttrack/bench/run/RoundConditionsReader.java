package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.RunnerError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reads a target's conditions in the background as the rounds of a streamed run begin, one read at a time and
 * in round order, so the stream of samples is never held up by a slow shell; {@link #all()} waits for them.
 */
final class RoundConditionsReader implements AutoCloseable {
    private final String who;
    private final ExecutorService executor;
    private final List<Future<RoundCondition>> reads = new ArrayList<>();

    RoundConditionsReader(String who) {
        this.who = who;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "round-conditions " + who);
            t.setDaemon(true);
            return t;
        });
    }

    void roundStarted(int round, Supplier<RoundCondition> read) {
        if (round != reads.size()) {
            throw new RunnerError(RunnerError.PROTOCOL, "ltrunner on " + who + " began round " + round + " after "
                    + reads.size() + " rounds");
        }
        reads.add(executor.submit(read::get));
    }

    /** Every round's conditions, in order (a read that failed says unknown). */
    List<RoundCondition> all() {
        List<RoundCondition> all = new ArrayList<>(reads.size());
        for (Future<RoundCondition> read : reads) {
            try {
                all.add(read.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the conditions of " + who, e);
            } catch (ExecutionException e) {
                all.add(RoundCondition.UNKNOWN);
            }
        }
        return all;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
