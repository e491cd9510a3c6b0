package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.ChangePointDetector;
import dev.lighttrack.bench.history.HistoryDatabase;
import dev.lighttrack.bench.history.SeriesChanges;
import dev.lighttrack.bench.session.BenchHome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench history changes}: where each series' level moved. */
@Command(name = "changes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Change points per series (serial/backend/precision/model) over the runs' medians in time "
                + "order: E-Divisive (energy statistic, on log latency) bisection as Apache Otava does it, each split "
                + "kept when a Welch t-test of its two sides gives p <= --max-p (Bonferroni-corrected for the splits "
                + "tried) and the shift is at least --min-magnitude; listed with the run and commit where the level "
                + "moved and the commit before.",
            "Slow drifts that no single A/B sees show here; a series needs at least 2 x --min-segment runs."})
final class HistoryChangesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--series", paramLabel = "TEXT", description = "Only the series that contain TEXT.")
    String series;

    @Option(names = "--max-p", defaultValue = "0.001", paramLabel = "P",
            description = "The largest p-value of a change, (0, 1] (default ${DEFAULT-VALUE}, as Otava).")
    double maxP;

    @Option(names = "--min-magnitude", defaultValue = "0", paramLabel = "PCT",
            description = "The smallest shift of a change, in percent, 0-100 (default ${DEFAULT-VALUE}).")
    double minMagnitudePct;

    @Option(names = "--min-segment", defaultValue = "3", paramLabel = "N",
            description = "The fewest runs on either side of a change, 2-1000 (default ${DEFAULT-VALUE}).")
    int minSegment;

    @Override
    public Integer call() {
        if (!(maxP > 0 && maxP <= 1)) {
            throw new InvalidSetting("maxP", "must be in (0, 1], got " + maxP);
        }
        if (!(minMagnitudePct >= 0 && minMagnitudePct <= 100)) {
            throw new InvalidSetting("minMagnitude", "must be a percentage from 0 to 100, got " + minMagnitudePct);
        }
        new SettingRange(2, 1000).check("minSegment", minSegment);
        List<SeriesChanges.Series> found;
        try (HistoryDatabase db = HistoryDatabase.open(BenchHome.results(HistoryCommand.DATABASE))) {
            found = SeriesChanges.find(db.runs(series),
                    new ChangePointDetector(minSegment, maxP, minMagnitudePct / 100));
        }
        if (OutputOptions.of(spec).json) {
            System.out.println(JsonMapper.write(found));
            return 0;
        }
        if (found.isEmpty()) {
            System.out.println("no runs" + (series == null ? "" : " in a series containing '" + series + "'"));
        }
        for (SeriesChanges.Series s : found) {
            System.out.printf("%s: %d runs, %s%n", s.series(), s.runs(), s.changes().isEmpty() ? "no change"
                    : s.changes().size() + " change" + (s.changes().size() == 1 ? "" : "s"));
            for (SeriesChanges.Change c : s.changes()) {
                System.out.println("  " + c.describe());
            }
        }
        return 0;
    }
}
