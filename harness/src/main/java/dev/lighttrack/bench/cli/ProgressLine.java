package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.run.RunProgress;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar with ETA on stderr: redrawn in place on a terminal, one line per tenth of the work otherwise
 * (logs and CI). The ETA is the mean time per model measured so far in this run times the models left.
 */
final class ProgressLine implements PlanProgress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private String phase = "";
    private long phaseStart;
    private int startDone;
    private int lastTenth = -1;

    ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        // a plan measured without planned() (an A/B's two models) still times from a real start
        this.phaseStart = System.nanoTime();
    }

    static ProgressLine forStderr() {
        return new ProgressLine(System.err, System.console() != null);
    }

    /** Messages on stderr, one line each, after {@code "<command>: "}. */
    static RunProgress messages(String command) {
        return message -> System.err.println(command + ": " + message);
    }

    @Override
    public void planned(String phase, int total, int done) {
        this.phase = phase;
        this.phaseStart = System.nanoTime();
        this.startDone = done;
        this.lastTenth = total == 0 ? 0 : done * 10 / total;
        if (done == total) {
            err.println("bench: " + phase + ": all " + total + " already measured");
        } else {
            err.println("bench: " + phase + ": " + (total - done) + " of " + total + " to measure"
                    + (done > 0 ? " (" + done + " already measured)" : ""));
        }
    }

    @Override
    public void measured(String name, int done, int total) {
        String line = render(done, total, System.nanoTime() - phaseStart);
        if (terminal) {
            err.print("\r" + line + "   " + (done == total ? "\n" : ""));
            err.flush();
        } else {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
            }
        }
    }

    @Override
    public void say(String message) {
        // on a terminal the bar is redrawn by the next result; the message must not end up inside it
        err.println((terminal ? "\r\033[K" : "") + "bench: " + message);
    }

    String render(int done, int total, long elapsedNs) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        StringBuilder bar = new StringBuilder("bench: " + phase + " [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append("] ").append(done).append('/').append(total);
        int measuredNow = done - startDone;
        if (measuredNow > 0 && done < total) {
            long etaNs = elapsedNs / measuredNow * (total - done);
            bar.append("  ETA ").append(format(Duration.ofNanos(etaNs)));
        } else if (done == total) {
            bar.append("  in ").append(format(Duration.ofNanos(elapsedNs)));
        }
        return bar.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
