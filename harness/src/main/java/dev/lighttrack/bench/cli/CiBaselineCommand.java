package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.ci.BaselineStore;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.history.RunHistory;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunStore;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.BenchmarkSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench ci baseline}: named baselines for checks without a control in the session. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Stored baselines for 'ci check --baseline NAME': a run per device × backend × precision, kept "
                + "with its raw samples' histogram in results/runs and named in results/baselines/NAME.json.",
        subcommands = {CiBaselineCommand.Save.class, CiBaselineCommand.ListNames.class})
final class CiBaselineCommand {
    private static BaselineStore store() {
        return new BaselineStore(BenchHome.results("baselines"));
    }

    @Command(name = "save", mixinStandardHelpOptions = true, sortOptions = false,
            defaultValueProvider = MeasurementDefaults.class,
            description = "Benchmarks the model on each device of --device (at least 6 rounds: a check needs the "
                    + "round medians) and stores the runs as baseline NAME, replacing its entries for those devices.")
    static final class Save implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The baseline's name (letters, digits, . _ -).")
        String name;

        @Mixin
        TargetOptions target;

        @Mixin
        ModelOptions model;

        @Mixin
        MeasurementOptions measurement;

        @Mixin
        CommitOption commit;

        @Override
        public Integer call() {
            BaselineStore.checkedName(name);
            var settings = CheckOptions.checked(measurement.settings());
            BenchModel m = model.choice().resolve();
            String commitId = commit.resolve();
            RunStore runs = new RunStore(BenchHome.results("runs"));
            List<BenchmarkSession.Outcome> outcomes = new BenchmarkSession(runs, ProgressLine.messages("bench"),
                    new RunRecord.Origin("ci baseline", commitId, null, null, null))
                    .benchmarkAll(target.spec(), m, settings);
            HistoryCommand.recorder().record(outcomes.stream().map(o -> new RunHistory.Saved(o.record(), o.file())).toList(), null);
            BaselineStore.Baseline saved = store().save(name, outcomes.stream().map(o -> {
                RunRecord r = o.record();
                return new BaselineStore.Entry(r.device().serial(), r.device().profile(), r.backend(), r.precision(),
                        r.model().name(), r.model().sha256(), r.id(), r.createdAt(), commitId);
            }).toList());
            if (OutputOptions.of(spec).json) {
                System.out.println(JsonMapper.write(saved));
            } else {
                for (BenchmarkSession.Outcome o : outcomes) {
                    System.out.printf("baseline %s: %s %s %s, %s p50 %.3f ms (run %s)%n", name,
                            o.record().device().serial(), o.record().backend(), o.record().precision(),
                            o.record().model().name(), o.record().summary().p50Us() / 1000, o.record().id());
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The stored baselines and their entries.")
    static final class ListNames implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            BaselineStore store = store();
            List<BaselineStore.Baseline> all = store.names().stream().map(store::load).toList();
            if (OutputOptions.of(spec).json) {
                System.out.println(JsonMapper.write(all));
                return 0;
            }
            if (all.isEmpty()) {
                System.out.println("no baselines yet: bench ci baseline save NAME --device … --model …");
            }
            for (BaselineStore.Baseline b : all) {
                System.out.println(b.name() + ":");
                b.entries().forEach(e -> System.out.printf("  %s %s %s: %s (run %s, %s, commit %s)%n", e.serial(),
                        e.backend(), e.precision(), e.model(), e.runId(), e.createdAt(),
                        e.commit() == null ? "-" : e.commit()));
            }
            return 0;
        }
    }
}
