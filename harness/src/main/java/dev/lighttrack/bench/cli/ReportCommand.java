package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.ChangePointDetector;
import dev.lighttrack.bench.history.HistoryDatabase;
import dev.lighttrack.bench.report.HtmlReport;
import dev.lighttrack.bench.session.BenchHome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench report}: the history as a static HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A static HTML report of the history, for a browser from file://.",
            "Writes a static HTML report of the history (index.html and assets/ in --out; no server, no "
                + "network: open it from file://): fps per series over its runs with change points (as 'history "
                + "changes' finds them with its defaults) and failed checks marked, the checks, the latest run per "
                + "device with its slowest ops, and the LUT validation scatters and search Pareto fronts in the "
                + "results."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default results/report).")
    Path out;

    @Override
    public Integer call() {
        Path dir = out != null ? out : BenchHome.results("report");
        HtmlReport.Result r;
        try (HistoryDatabase db = HistoryDatabase.open(BenchHome.results(HistoryCommand.DATABASE))) {
            r = HtmlReport.write(dir, db.file().toString(), db.runs(null), db.checks(),
                    BenchHome.results(""), new ChangePointDetector(3, 0.001, 0));
        }
        if (OutputOptions.of(spec).json) {
            System.out.println(JsonMapper.write(r));
        } else {
            System.out.printf("wrote %s: %d series, %d runs, %d checks, %d plots%n", r.index(), r.series(), r.runs(),
                    r.checks(), r.images());
        }
        return 0;
    }
}
