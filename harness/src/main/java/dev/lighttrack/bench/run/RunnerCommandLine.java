package dev.lighttrack.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one place that turns settings into the ltrunner agent's arguments (its CLI: native/README.md). */
public final class RunnerCommandLine {
    private RunnerCommandLine() {
    }

    /** {@code agent MODEL-ARGS --backend … --threads N [--delay-ms MS] [--cpus LIST]}, unquoted words. */
    public static List<String> argv(String agent, List<String> modelArgs, RunSettings s) {
        return argv(List.of(agent), modelArgs, s);
    }

    /** The same after the words that start the agent (a bundle's loader and its arguments, then the program). */
    public static List<String> argv(List<String> agentCommand, List<String> modelArgs, RunSettings s) {
        List<String> argv = new ArrayList<>(agentCommand);
        argv.addAll(modelArgs);
        argv.addAll(List.of(
                "--backend", s.backend(),
                "--precision", s.precision(),
                "--warmup", Integer.toString(s.warmup()),
                "--iterations", Integer.toString(s.iterationsPerRound()),
                "--min-seconds", number(s.minSeconds()),
                "--threads", Integer.toString(s.threads())));
        if (s.delayMs() > 0) {
            argv.addAll(List.of("--delay-ms", number(s.delayMs())));
        }
        if (s.cpus() != null) {
            argv.addAll(List.of("--cpus", s.cpus()));
        }
        if (s.rounds() > 1) {
            argv.addAll(List.of("--rounds", Integer.toString(s.rounds())));
        }
        return argv;
    }

    /** {@code --model FILE}. */
    public static List<String> model(String file) {
        return List.of("--model", file);
    }

    /** {@code --manifest FILE}. */
    public static List<String> manifest(String file) {
        return List.of("--manifest", file);
    }

    /** {@code --order FILE}: the visiting order of an interleaved run ({@link VisitOrder#toAgentFile()}). */
    public static List<String> order(String file) {
        return List.of("--order", file);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
