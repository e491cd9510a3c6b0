package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.session.PlanProgress;
import dev.lighttrack.bench.session.StoppingRule;
import dev.lighttrack.bench.session.MeasurementPlan;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SubnetBuilder;
import dev.lighttrack.bench.stats.SampleStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Builds or completes a lookup table on one target: every op of the catalog that the table lacks is exported,
 * measured in batches and saved to the table file as soon as it completes (atomic rewrite), then whole subnets
 * are measured end to end and the overhead is fitted to them. A rerun measures only what is missing.
 */
public final class LutBuilder {
    private final BenchmarkTarget target;
    private final RunSettings settings;
    private final OpModelCache opModels;
    private final ModelResolver wholeModels;
    private final MeasurementPlan measurer;
    private final PlanProgress progress;

    public LutBuilder(BenchmarkTarget target, RunSettings settings, OpModelCache opModels, ModelResolver wholeModels,
                      int batchSize, PlanProgress progress) {
        this(target, settings, opModels, wholeModels, batchSize, StoppingRule.ONCE, progress);
    }

    /** {@code rule}: entries and whole models measured until their median interval is narrow enough. */
    public LutBuilder(BenchmarkTarget target, RunSettings settings, OpModelCache opModels, ModelResolver wholeModels,
                      int batchSize, StoppingRule rule, PlanProgress progress) {
        this.target = target;
        this.settings = settings;
        this.opModels = opModels;
        this.wholeModels = wholeModels;
        this.measurer = new MeasurementPlan(target, settings, batchSize, rule, progress);
        this.progress = progress;
    }

    /** What the build asked for. */
    public record Request(Path file, SearchSpace space, int searchSize, int templateSize, int fitSubnets,
                          long fitSeed, LutStatistic statistic) {
        public Request {
            if (fitSubnets < 1) {
                throw new InvalidSetting("fitSamples", "must be at least 1, got " + fitSubnets);
            }
        }
    }

    /**
     * What the build did: the table, how many ops it has and how many were measured now, and the time spent on
     * the ops (wall, and inside timed inferences) for the harness efficiency.
     */
    public record Result(LutTable table, int entries, int opsMeasured, int wholeModelsMeasured, double opWallSeconds,
                         double opSampledSeconds, double wallSeconds) {
        /** Share of the op phase's wall time spent in timed inferences. */
        public double efficiency() {
            return opWallSeconds > 0 ? opSampledSeconds / opWallSeconds : 0;
        }
    }

    public Result build(Request req) {
        long start = System.nanoTime();
        String file = req.file().toString();
        LutKey expected = LutKey.of(target.info(), settings, null, req.space(), req.searchSize(), req.templateSize());
        State state = new State(req.file(), expected, req.statistic());
        if (Files.exists(req.file())) {
            LutTable existing = LutFiles.read(req.file());
            existing.key().requireMatchesBesidesRunner(expected, file);
            LutSettings now = LutSettings.of(settings);
            if (existing.settings() != null && !existing.settings().equals(now)) {
                progress.say("note: " + file + " was measured with " + existing.settings() + "; the entries "
                        + "measured now use " + now);
            }
            state.table = existing.statistic() == req.statistic() ? existing
                    : existing.withStatistic(req.statistic(), now());
        }
        List<LutOp> missingOps = new ArrayList<>();
        var catalog = OpCatalog.enumerate(req.space(), req.searchSize(), req.templateSize());
        for (LutOp op : catalog.values()) {
            if (state.table == null || !state.table.entries().containsKey(op.signature().value())) {
                missingOps.add(op);
            }
        }
        int total = catalog.size();
        int done = total - missingOps.size();
        progress.planned("ops", total, done);
        double[] sampled = {0};
        long opStart = System.nanoTime();
        measurer.measure("lut build (ops)", missingOps, opModels::model, done, total, (op, raw) -> {
            SampleStats stats = SampleStats.of(raw.samplesNs());
            sampled[0] += stats.sumUs() / 1e6;
            state.save(raw, t -> t.with(LutEntry.of(op.signature(), op.cost().macs(), stats, raw.rounds()), now()));
        });
        double opWall = (System.nanoTime() - opStart) / 1e9;

        List<String> fitArchs = fitArchs(req);
        List<String> missingArchs = fitArchs.stream()
                .filter(a -> state.table == null || state.table.wholeModel(a) == null
                        || req.statistic().of(state.table.wholeModel(a)) == null).toList();
        progress.planned("whole models", fitArchs.size(), fitArchs.size() - missingArchs.size());
        measurer.measure("lut build (whole models)", missingArchs,
                a -> wholeModels.fromArch(a, req.searchSize(), 0), fitArchs.size() - missingArchs.size(),
                fitArchs.size(), (arch, raw) -> {
                    SampleStats stats = SampleStats.of(raw.samplesNs());
                    long macs = SubnetBuilder.search(ArchStringCodec.parse(arch), req.searchSize(), req.templateSize())
                            .cost().macs();
                    state.save(raw, t -> t.with(WholeModelRun.of(arch, macs, stats, raw.rounds()), now()));
                });
        LutTable fitted = state.table.withFit(OverheadFitter.fit(state.table), now());
        LutFiles.write(fitted, req.file());
        return new Result(fitted, total, missingOps.size(), missingArchs.size(), opWall, sampled[0],
                (System.nanoTime() - start) / 1e9);
    }

    /** The subnets the overhead is fitted to: seeded, distinct, drawn like the search draws them. */
    static List<String> fitArchs(Request req) {
        return new ArchSampler(req.space()).distinct(req.fitSubnets(), new Random(req.fitSeed())).stream()
                .map(ArchStringCodec::format).toList();
    }

    private static String now() {
        return Instant.now().toString();
    }

    /** The table being built; created when the first result says which runner version measured it. */
    private final class State {
        private final Path file;
        private final LutKey expected;
        private final LutStatistic statistic;
        private LutTable table;

        State(Path file, LutKey expected, LutStatistic statistic) {
            this.file = file;
            this.expected = expected;
            this.statistic = statistic;
        }

        void save(RawRun raw, UnaryOperator<LutTable> change) {
            LutKey actual = expected.withRunnerVersion(raw.runnerVersion());
            if (table == null) {
                table = LutTable.empty(actual, LutSettings.of(settings), statistic, now());
            } else {
                table.key().requireMatches(actual, file.toString());
            }
            table = change.apply(table);
            LutFiles.write(table, file);
        }
    }
}
