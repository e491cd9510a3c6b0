package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.protocol.RunnerEvent;
import dev.lighttrack.bench.agents.protocol.RunnerLineParser;
import dev.lighttrack.bench.agents.runner.RunnerError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns the runner's JSON lines, as they stream in, into one {@link RawRun} per model: a {@code header}
 * opens a group, {@code samples} and {@code op} lines fill it, the {@code summary} completes it and hands it to
 * {@code completed}. An {@code error} line becomes a {@link RunnerError} carrying its message.
 */
final class RunCollector implements Consumer<String> {
    private final RunnerLineParser parser = new RunnerLineParser();
    private final String where;
    private final Function<String, String> modelLabels;
    private final Consumer<RawRun> completed;
    private Group group;
    private int completedRuns;
    private RunnerError error;

    /** @param where names the target in messages, e.g. {@code ltrunner on 127.0.0.1:40111} */
    /** @param modelLabels turns the model path the runner names into what the user calls the model */
    RunCollector(String where, Function<String, String> modelLabels, Consumer<RawRun> completed) {
        this.where = where;
        this.modelLabels = modelLabels;
        this.completed = completed;
    }

    private static final class Group {
        private final RunnerEvent.Header header;
        private long[] samples = new long[1024];
        private int count;
        private final List<OpTiming> ops = new ArrayList<>();

        Group(RunnerEvent.Header header) {
            this.header = header;
        }

        void add(long[] ns) {
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
            group = new Group(h);
        } else if (event instanceof RunnerEvent.Samples s) {
            requireGroup("samples").add(s.ns());
        } else if (event instanceof RunnerEvent.Op o) {
            requireGroup("op").ops.add(new OpTiming(o.node(), o.opType(), o.ns()));
        } else if (event instanceof RunnerEvent.Summary s) {
            Group g = requireGroup("summary");
            RunnerEvent.Header h = g.header;
            group = null;
            completedRuns++;
            completed.accept(new RawRun(Arrays.copyOf(g.samples, g.count), g.ops, h.runnerVersion(), h.engine(),
                    h.protocolVersion(), h.modelSha256(), h.loadNs() != null ? h.loadNs() : s.loadNs(),
                    s.firstInferenceNs()));
        }
    }

    private Group requireGroup(String type) {
        if (group == null) {
            throw new RunnerError(RunnerError.PROTOCOL, where + " printed a " + type + " line before its header");
        }
        return group;
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
