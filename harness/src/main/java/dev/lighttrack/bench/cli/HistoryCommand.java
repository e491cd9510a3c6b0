package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.CheckEntry;
import dev.lighttrack.bench.history.HistoryDatabase;
import dev.lighttrack.bench.history.HistoryEntry;
import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.session.BenchHome;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench history}: the runs and checks recorded in results/history.sqlite. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The runs and checks recorded in results/history.sqlite, and where their level moved.",
            "Every bench run, ci check, ci baseline save and compare is recorded (the run records in results/runs "
                + "and check reports in results/checks stay the source of truth: 'history rebuild' recreates the "
                + "database from them).",
            "Without a subcommand: the runs, oldest first, and the checks."},
        subcommands = {HistoryRebuildCommand.class, HistoryChangesCommand.class})
final class HistoryCommand implements Callable<Integer> {
    static final String DATABASE = "history.sqlite";

    /** Where a command records its finished runs: the results' history, warnings on stderr. */
    static RunHistory recorder() {
        return new RunHistory(BenchHome.results(DATABASE), BenchHome.results("runs"),
                m -> System.err.println("bench: " + m));
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--series", paramLabel = "TEXT",
            description = "Only the series (serial/backend/precision/model) that contain TEXT.")
    String series;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "The newest N runs and checks, 1-100000 (default ${DEFAULT-VALUE}).")
    int limit;

    /** {@code --json}: the runs and checks listed. */
    record Listing(String database, List<HistoryEntry> runs, List<CheckEntry> checks) {
    }

    @Override
    public Integer call() {
        new SettingRange(1, 100_000).check("limit", limit);
        boolean json = OutputOptions.of(spec).json;
        Listing listing;
        try (HistoryDatabase db = HistoryDatabase.open(BenchHome.results(DATABASE))) {
            List<HistoryEntry> runs = db.runs(series);
            List<CheckEntry> checks = db.checks().stream()
                    .filter(c -> series == null || c.series().contains(series))
                    .toList();
            listing = new Listing(db.file().toString(), newest(runs), newest(checks));
        }
        if (json) {
            System.out.println(JsonMapper.write(listing));
            return 0;
        }
        System.out.println("runs in " + listing.database() + " (oldest first):");
        if (listing.runs().isEmpty()) {
            System.out.println("  none" + (series == null ? "" : " in a series containing '" + series + "'"));
        }
        for (HistoryEntry e : listing.runs()) {
            String ci = e.p50CiLowUs() == null ? "" : String.format(Locale.ROOT, " [%.3f, %.3f]",
                    e.p50CiLowUs() / 1000, e.p50CiHighUs() / 1000);
            System.out.printf(Locale.ROOT, "  %s  %-10s  %-40s  p50 %8.3f ms%-20s  %7.1f fps  %s%n", e.createdAt(),
                    HistoryEntry.shortCommit(e.commit()), e.series(), e.p50Us() / 1000, ci, e.fps(),
                    e.role() == null ? e.command() : e.command() + " " + e.role());
        }
        if (!listing.checks().isEmpty()) {
            System.out.println("checks:");
            for (CheckEntry c : listing.checks()) {
                System.out.printf(Locale.ROOT, "  %s  %-10s  %s/%s/%s  %s vs %s: %s, ratio %.4f over %d rounds%n",
                        c.createdAt(), HistoryEntry.shortCommit(c.commit()), c.serial(), c.backend(), c.precision(),
                        c.treatment(),
                        c.control(), c.decision(), c.ratio(), c.rounds());
            }
        }
        return 0;
    }

    private <T> List<T> newest(List<T> all) {
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }
}
