package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.results.RunRecord;
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
 * One device's regression check. Against a control model: control and treatment in one agent process,
 * interleaved round by round (the plan), compared pair by pair ({@link PairedComparison}). Against a stored
 * baseline: the treatment alone, compared with the stored run ({@link StoredComparison}). Either way, while
 * inconclusive another set of rounds is measured and added, up to {@code maxRounds}; a suspected regression is
 * measured again, independently (a new process, fresh rounds), and fails only if that second measurement says
 * regression too; otherwise it is reported inconclusive.
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

    /**
     * One measurement: its phase ({@code A/B}, {@code confirmation}), the comparison, and the samples measured
     * (no control's against a stored baseline).
     */
    public record Phase(String name, Comparison comparison, RawRun control, RawRun treatment) {
    }

    /** The check's result: the first measurement (with its extra rounds), the confirmation if one ran, the decision. */
    public record Outcome(Phase firstPhase, Phase confirmationPhase, Decision decision, String note) {
        public Comparison first() {
            return firstPhase.comparison();
        }

        /** Null when none ran. */
        public Comparison confirmation() {
            return confirmationPhase == null ? null : confirmationPhase.comparison();
        }
    }

    /** How one phase measures (one more set of rounds, added to what it has) and compares. */
    private interface Halves {
        RawRun[] measure(String phase);

        Comparison compare(RawRun[] runs);
    }

    /** Treatment against a control model, interleaved in the same rounds. */
    public Outcome check(BenchModel control, BenchModel treatment, double thresholdPct) {
        return check(new Halves() {
            @Override
            public RawRun[] measure(String phase) {
                progress.say(phase + ": control and treatment interleaved, " + settings.rounds() + " rounds");
                Map<String, RawRun> out = new HashMap<>();
                // the confirmation loads the two the other way round: a ratio that moved with load order (a few
                // percent between agent processes here) then does not confirm itself
                List<String> order = phase.equals("confirmation") ? List.of("treatment", "control")
                        : List.of("control", "treatment");
                new MeasurementPlan(target, settings, 2, progress.messagesOnly()).measure("ci " + phase, order,
                        which -> which.equals("control") ? control : treatment, 0, 2,
                        (which, raw) -> out.put(which, raw));
                return new RawRun[] {out.get("control"), out.get("treatment")};
            }

            @Override
            public Comparison compare(RawRun[] runs) {
                return PairedComparison.of(runs[0], runs[1], thresholdPct);
            }
        }, "A/B");
    }

    /** Treatment against a stored baseline run: no control in this session, so drift is not cancelled. */
    public Outcome check(RunRecord baseline, BenchModel treatment, double thresholdPct) {
        return check(new Halves() {
            @Override
            public RawRun[] measure(String phase) {
                progress.say(phase + ": the treatment, " + settings.rounds() + " rounds, against the stored "
                        + "baseline " + baseline.id());
                target.awaitCool(progress::say);
                return new RawRun[] {null, target.run(treatment, settings, progress::say)};
            }

            @Override
            public Comparison compare(RawRun[] runs) {
                return StoredComparison.of(baseline, runs[1], thresholdPct);
            }
        }, "measurement");
    }

    private Outcome check(Halves halves, String firstName) {
        Phase first = untilDecided(halves, firstName);
        if (first.comparison().decision() != Decision.REGRESSION) {
            return new Outcome(first, null, first.comparison().decision(), null);
        }
        progress.say(String.format(Locale.ROOT, "suspected regression (ratio %.4f): confirming with an independent "
                + "measurement", first.comparison().ratio()));
        Phase again = untilDecided(halves, "confirmation");
        if (again.comparison().decision() == Decision.REGRESSION) {
            return new Outcome(first, again, Decision.REGRESSION, "confirmed by a second, independent measurement");
        }
        return new Outcome(first, again, Decision.INCONCLUSIVE, "a regression in the first measurement was not "
                + "confirmed by the second (" + again.comparison().decision().label() + ")");
    }

    private Phase untilDecided(Halves halves, String phase) {
        RawRun[] runs = halves.measure(phase);
        Comparison c = halves.compare(runs);
        while (c.decision() == Decision.INCONCLUSIVE && c.rounds() + settings.rounds() <= maxRounds) {
            progress.say(String.format(Locale.ROOT, "%s inconclusive after %d rounds (ratio %.4f, interval %s): "
                    + "measuring %d more", phase, c.rounds(), c.ratio(), interval(c.ratioCi()), settings.rounds()));
            RawRun[] more = halves.measure(phase);
            runs = new RawRun[] {runs[0] == null ? null : runs[0].append(more[0]), runs[1].append(more[1])};
            c = halves.compare(runs);
        }
        return new Phase(phase, c, runs[0], runs[1]);
    }

    private static String interval(List<Double> ci) {
        return ci == null ? "none yet" : String.format(Locale.ROOT, "%.4f-%.4f", ci.get(0), ci.get(1));
    }
}
