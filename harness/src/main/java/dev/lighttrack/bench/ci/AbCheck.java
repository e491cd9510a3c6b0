package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.session.PlanProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One device's A/B check: control and treatment in one agent process, interleaved round by round (the plan),
 * compared pair by pair. While inconclusive, another set of rounds is measured and added, up to
 * {@code maxRounds}. A suspected regression is measured again, independently (a new process, fresh rounds),
 * and fails only if that second check says regression too; otherwise it is reported inconclusive.
 */
public final class AbCheck {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final int maxRounds;
    private final PlanProgress progress;

    public AbCheck(BenchmarkTarget target, RunSettings settings, int maxRounds, PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.maxRounds = maxRounds;
        this.progress = progress;
    }

    /** One A/B: its phase ({@code A/B}, {@code confirmation}), the comparison, and both halves' samples. */
    public record Phase(String name, PairedComparison comparison, RawRun control, RawRun treatment) {
    }

    /** The check's result: the first A/B (with its extra rounds), the confirmation if one ran, the decision. */
    public record Outcome(Phase firstPhase, Phase confirmationPhase, Decision decision, String note) {
        public PairedComparison first() {
            return firstPhase.comparison();
        }

        /** Null when none ran. */
        public PairedComparison confirmation() {
            return confirmationPhase == null ? null : confirmationPhase.comparison();
        }
    }

    public Outcome check(BenchModel control, BenchModel treatment, double thresholdPct) {
        Phase first = compareUntilDecided(control, treatment, thresholdPct, "A/B");
        if (first.comparison().decision() != Decision.REGRESSION) {
            return new Outcome(first, null, first.comparison().decision(), null);
        }
        progress.say(String.format(Locale.ROOT, "suspected regression (ratio %.4f): confirming with an independent "
                + "A/B", first.comparison().ratio()));
        Phase again = compareUntilDecided(control, treatment, thresholdPct, "confirmation");
        if (again.comparison().decision() == Decision.REGRESSION) {
            return new Outcome(first, again, Decision.REGRESSION, "confirmed by a second, independent A/B");
        }
        return new Outcome(first, again, Decision.INCONCLUSIVE, "a regression in the first A/B was not confirmed by "
                + "the second (" + again.comparison().decision().label() + ")");
    }

    private Phase compareUntilDecided(BenchModel control, BenchModel treatment, double thresholdPct, String phase) {
        progress.say(phase + ": control and treatment interleaved, " + settings.rounds() + " rounds"
                + " (more while undecided, up to " + maxRounds + ")");
        RawRun[] runs = measure(control, treatment, phase);
        PairedComparison c = PairedComparison.of(runs[0], runs[1], thresholdPct);
        while (c.decision() == Decision.INCONCLUSIVE && c.rounds() + settings.rounds() <= maxRounds) {
            progress.say(String.format(Locale.ROOT, "%s inconclusive after %d rounds (ratio %.4f, interval %s): "
                    + "measuring %d more", phase, c.rounds(), c.ratio(), interval(c.ratioCi()), settings.rounds()));
            RawRun[] more = measure(control, treatment, phase);
            runs = new RawRun[] {runs[0].append(more[0]), runs[1].append(more[1])};
            c = PairedComparison.of(runs[0], runs[1], thresholdPct);
        }
        return new Phase(phase, c, runs[0], runs[1]);
    }

    private RawRun[] measure(BenchModel control, BenchModel treatment, String phase) {
        Map<String, RawRun> out = new HashMap<>();
        new MeasurementPlan(target, settings, 2, progress.messagesOnly()).measure("ci " + phase, List.of("control", "treatment"),
                which -> which.equals("control") ? control : treatment, 0, 2, (which, raw) -> out.put(which, raw));
        return new RawRun[] {out.get("control"), out.get("treatment")};
    }

    private static String interval(List<Double> ci) {
        return ci == null ? "none yet" : String.format(Locale.ROOT, "%.4f-%.4f", ci.get(0), ci.get(1));
    }
}
