package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.OpTiming;
import dev.lighttrack.bench.agents.protocol.RunnerEvent;
import dev.lighttrack.bench.agents.protocol.RunnerLineParser;
import dev.lighttrack.bench.agents.runner.RunnerError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Turns the runner's JSON lines, as they stream in, into one {@link RawRun} per model: a {@code header}
 * opens a group, {@code samples} and {@code op} lines fill it, the {@code summary} completes it and hands it to
 * {@code completed}. In an interleaved run ({@code --rounds}) every model's group is open at once and lines
 * name their model; samples lines carry their round. An {@code error} line becomes a {@link RunnerError}.
 */
final class RunCollector implements Consumer<String> {
    private final RunnerLineParser parser = new RunnerLineParser();
    private final String where;
    private final Function<String, String> modelLabels;
    private final Consumer<RawRun> completed;
    private final IntConsumer roundStarted;
    private final Map<String, Group> open = new LinkedHashMap<>();
    private int completedRuns;
    private RunnerError error;

    /** @param where names the target in messages, e.g. {@code ltrunner on 127.0.0.1:40111} */
    /** @param modelLabels turns the model path the runner names into what the user calls the model */
    RunCollector(String where, Function<String, String> modelLabels, Consumer<RawRun> completed) {
        this(where, modelLabels, round -> { }, completed);
    }

    /** @param roundStarted told as each round of an interleaved run begins */
    RunCollector(String where, Function<String, String> modelLabels, IntConsumer roundStarted,
                 Consumer<RawRun> completed) {
        this.where = where;
        this.modelLabels = modelLabels;
        this.roundStarted = roundStarted;
        this.completed = completed;
    }

    private static final class Group {
        private final RunnerEvent.Header header;
        private long[] samples = new long[1024];
        private int count;
        private final List<OpTiming> ops = new ArrayList<>();
        private final List<Integer> roundSizes = new ArrayList<>();
        private int lastRound = Integer.MIN_VALUE;

        Group(RunnerEvent.Header header) {
            this.header = header;
        }

        void add(int round, long[] ns) {
            if (round != lastRound || roundSizes.isEmpty()) {
                roundSizes.add(0);
                lastRound = round;
            }
            roundSizes.set(roundSizes.size() - 1, roundSizes.get(roundSizes.size() - 1) + ns.length);
            if (count + ns.length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + ns.length));
            }
            System.arraycopy(ns, 0, samples, count, ns.length);
            count += ns.length;
        }
    }

    @Override
    public void accept(String line) {
        if (line.isBlank() || error != null) {
            return;
        }
        RunnerEvent event;
        try {
            event = parser.parse(line);
        } catch (RunnerLineParser.ProtocolException e) {
            throw new RunnerError(RunnerError.PROTOCOL, where + ": " + e.getMessage());
        }
        if (event instanceof RunnerEvent.Error e) {
            // keep reading: the exit code comes after, and the error is what the user must see
            error = new RunnerError(e.code(), where + " failed" + (e.model() == null ? "" : " on " + modelLabels.apply(e.model())) + ": "
                    + e.message() + " (" + e.code() + ")");
        } else if (event instanceof RunnerEvent.Header h) {
            open.put(h.model(), new Group(h));
        } else if (event instanceof RunnerEvent.Samples s) {
            requireGroup("samples", s.model()).add(s.round(), s.ns());
        } else if (event instanceof RunnerEvent.Round r) {
            roundStarted.accept(r.round());
        } else if (event instanceof RunnerEvent.Op o) {
            requireGroup("op", o.model()).ops.add(new OpTiming(o.node(), o.opType(), o.ns()));
        } else if (event instanceof RunnerEvent.Summary s) {
            Group g = requireGroup("summary", s.model());
            open.values().remove(g);
            RunnerEvent.Header h = g.header;
            completedRuns++;
            completed.accept(new RawRun(Arrays.copyOf(g.samples, g.count), g.ops, h.runnerVersion(), h.engine(),
                    h.protocolVersion(), h.modelSha256(), h.loadNs() != null ? h.loadNs() : s.loadNs(),
                    s.firstInferenceNs(), g.roundSizes.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** The open group a line belongs to: the one of its model, or the only one when the line names none. */
    private Group requireGroup(String type, String model) {
        Group g = model != null ? open.get(model) : null;
        if (g == null && open.size() == 1) {
            g = open.values().iterator().next();
        }
        if (g == null) {
            throw new RunnerError(RunnerError.PROTOCOL, where + " printed a " + type + " line before its header");
        }
        return g;
    }

    /** Throws the agent's error, or an error for a run that ended without a result; {@code expected} runs are due. */
    void finish(int exitCode, String stderr, int expected) {
        if (error != null) {
            throw error;
        }
        if (exitCode != 0 || completedRuns < expected) {
            String detail = stderr == null || stderr.isBlank() ? "" : ": " + stderr.strip().lines().findFirst().orElse("");
            throw new RunnerError(RunnerError.EXIT, where + " ended with exit code " + exitCode + " after " + completedRuns + " of "
                    + expected + " model run(s) and no error record" + detail);
        }
    }
}
