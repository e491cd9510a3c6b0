package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.HistoryRebuild;
import dev.lighttrack.bench.session.BenchHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench history rebuild}: the database recreated from the run records and check reports. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Recreates results/history.sqlite from results/runs/*.json and results/checks/*.json (into a "
                + "new file that then replaces the old one). Files that cannot be read are named and skipped.")
final class HistoryRebuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HistoryRebuild.Result r = HistoryRebuild.rebuild(BenchHome.results(HistoryCommand.DATABASE),
                BenchHome.results("runs"), BenchHome.results("checks"));
        if (OutputOptions.of(spec).json) {
            System.out.println(JsonMapper.write(r));
            return 0;
        }
        r.skipped().forEach(s -> System.err.println("bench: skipped " + s));
        System.out.printf("rebuilt %s: %d runs, %d checks%s%n", r.database(), r.runs(), r.checks(),
                r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " files skipped");
        return 0;
    }
}
