package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.ci.AbCheck;
import dev.lighttrack.bench.ci.Decision;
import dev.lighttrack.bench.ci.Comparison;
import dev.lighttrack.bench.ci.PairedComparison;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.session.PlanProgress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;

/**
 * {@code bench perf ci}: how the regression check behaves where the answer is known. A model checked against a
 * copy of itself (any regression is a false alarm), then against versions with more computation (a check that
 * passes one of those missed it). Each check is a whole {@link AbCheck}, with its extra rounds and confirmation.
 */
public final class CiAcceptance {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final int maxRounds;
    private final double thresholdPct;
    private final PlanProgress progress;

    public CiAcceptance(BenchmarkTarget target, RunSettings settings, int maxRounds, double thresholdPct,
                        PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.maxRounds = maxRounds;
        this.thresholdPct = thresholdPct;
        this.progress = progress;
    }

    /**
     * A treatment to check against the control, {@code checks} times: {@code macsRatio} 1 and no reference for the
     * control's copy; else its slow-down as the reference measurement found it.
     */
    public record Treatment(String label, BenchModel model, double macsRatio, Comparison reference, int checks) {
    }

    /**
     * How much slower each candidate really is, as a check sees it: each candidate in its own plan with the
     * control alone (a pair, as in a check; in a crowd of models each runs colder, and the ratios differ), with
     * {@code times} × the rounds and samples of one check, compared round by round.
     */
    public List<Comparison> reference(BenchModel control, List<BenchModel> candidates, int times) {
        List<Comparison> out = new ArrayList<>();
        progress.planned("reference: each candidate paired with the control", candidates.size(), 0);
        for (int i = 0; i < candidates.size(); i++) {
            List<BenchModel> pair = List.of(control, candidates.get(i));
            Map<Integer, RawRun> runs = new HashMap<>();
            new MeasurementPlan(target, settings.times(times), 2, progress.messagesOnly()).measure("reference",
                    List.of(0, 1), pair::get, 0, 2, runs::put);
            out.add(PairedComparison.of(runs.get(0), runs.get(1), thresholdPct));
            progress.measured(candidates.get(i).name(), i + 1, candidates.size());
        }
        return out;
    }

    /**
     * One case's checks: how many ended in each decision, the first A/B's ratio of each check (its median and
     * range: the slow-down as measured), the rounds and seconds a check took on average.
     */
    public record CaseResult(String label, String model, double macsRatio, Double referenceRatio,
                             List<Double> referenceRatioCi, int checks, Map<Decision, Integer> decisions,
                             double medianRatio, double minRatio, double maxRatio, double meanRounds,
                             double meanSeconds) {
    }

    public List<CaseResult> run(BenchModel control, List<Treatment> treatments) {
        List<CaseResult> out = new ArrayList<>();
        for (Treatment t : treatments) {
            Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
            for (Decision d : Decision.values()) {
                decisions.put(d, 0);
            }
            double[] ratios = new double[t.checks()];
            double rounds = 0;
            long start = System.nanoTime();
            for (int i = 0; i < t.checks(); i++) {
                progress.say(t.label() + ": check " + (i + 1) + " of " + t.checks());
                AbCheck.Outcome o = new AbCheck(target, settings, maxRounds, progress).check(control, t.model(),
                        thresholdPct);
                decisions.merge(o.decision(), 1, Integer::sum);
                ratios[i] = o.first().ratio();
                rounds += o.first().rounds() + (o.confirmation() == null ? 0 : o.confirmation().rounds());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = ratios.length;
            Comparison ref = t.reference();
            out.add(new CaseResult(t.label(), t.model().name(), t.macsRatio(), ref == null ? null : ref.ratio(),
                    ref == null ? null : ref.ratioCi(), n, decisions,
                    StatUtils.percentile(ratios, 50), StatUtils.min(ratios), StatUtils.max(ratios), rounds / n,
                    seconds / n));
        }
        return out;
    }
}
