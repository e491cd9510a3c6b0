package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.lut.LutFiles;
import dev.lighttrack.bench.lut.LutKey;
import dev.lighttrack.bench.lut.LutTable;
import dev.lighttrack.bench.report.SearchPlots;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.search.Candidate;
import dev.lighttrack.bench.search.CommandFitness;
import dev.lighttrack.bench.search.Constraint;
import dev.lighttrack.bench.search.EvolutionarySearch;
import dev.lighttrack.bench.search.Fitness;
import dev.lighttrack.bench.search.LatencyCache;
import dev.lighttrack.bench.search.LatencyEstimate;
import dev.lighttrack.bench.search.LatencySource;
import dev.lighttrack.bench.search.HybridLatency;
import dev.lighttrack.bench.search.LutLatency;
import dev.lighttrack.bench.search.MeasuredLatency;
import dev.lighttrack.bench.search.ProxyFitness;
import dev.lighttrack.bench.search.SearchSettings;
import dev.lighttrack.bench.search.SearchState;
import dev.lighttrack.bench.search.SearchStore;
import dev.lighttrack.bench.search.SearchSummary;
import dev.lighttrack.bench.session.BenchHome;
import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.session.OpenedTarget;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench search}: LightTrack's evolutionary search under a latency budget on a device. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = MeasurementDefaults.ForLut.class,
        description = {"LightTrack's evolutionary search with the latency on a device as its constraint: the best "
                + "fitness among architectures whose measured (or table-predicted) latency fits --latency-budget.",
            "measured: every new candidate is exported and measured (a generation in one interleaved plan; cached by "
                + "model content and target under results/latency-cache/). lut: predicted by --lut, then the final "
                + "top candidates are measured and only measured ones are reported as feasible.",
            "Writes results/searches/<id>/ (search.json checkpointed after every generation, fitness.jsonl, "
                + "pareto.png, generations.png); --resume DIR with the same options continues a search.",
            "--min-seconds defaults to " + MeasurementDefaults.LUT_MIN_SECONDS + " here, as for lut: a search "
                + "times hundreds of models."})
final class SearchCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TIME = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(us|µs|ms|s)");

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    SearchSizeOption searchSize;

    @Mixin
    SpaceOption backbone;

    @Option(names = "--latency-budget", required = true, paramLabel = "TIME",
            description = "The constraint: per-frame latency (p50, its whole 95% interval when measured) under this, "
                    + "e.g. 25ms, 25000us, 0.025s.")
    String latencyBudget;

    @Option(names = "--latency", defaultValue = "measured", paramLabel = "SOURCE",
            description = "measured (default), lut (with --lut: predicted, the final candidates measured) or hybrid "
                    + "(with --lut: predicted, then measured unless predicted over the budget by more than "
                    + "--lut-error; accepted on measurement only).")
    String latencySource;

    @Option(names = "--lut", paramLabel = "FILE", description = "The lookup table for --latency lut or hybrid (same "
            + "device profile, backend, precision and threads).")
    Path lut;

    @Option(names = "--lut-error", defaultValue = "10", paramLabel = "PCT",
            description = "For hybrid: the table's error in percent, 0-100, e.g. what lut validate found "
                    + "(default ${DEFAULT-VALUE}).")
    double lutError;

    @Option(names = "--constraint", defaultValue = "latency", paramLabel = "C",
            description = "latency (default: the budget) or macs:600M, LightTrack's own FLOPs constraint; then the "
                    + "final top candidates are measured and the summary says how many miss --latency-budget.")
    String constraint;

    @Option(names = "--fitness", defaultValue = "macs", paramLabel = "F",
            description = "What to maximise: macs or params (proxies, not accuracy) or cmd:\"COMMAND\", an external "
                    + "evaluator speaking the JSON-lines protocol of README (default ${DEFAULT-VALUE}).")
    String fitness;

    @Option(names = "--fitness-timeout", defaultValue = "600", paramLabel = "S",
            description = "Seconds an evaluator may take for its hello or one batch (default ${DEFAULT-VALUE}).")
    int fitnessTimeout;

    @Option(names = "--population", defaultValue = "48", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int population;

    @Option(names = "--mutations", defaultValue = "24", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int mutations;

    @Option(names = "--crossovers", defaultValue = "24", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int crossovers;

    @Option(names = "--parents", defaultValue = "10", paramLabel = "N",
            description = "The top candidates mutated and crossed (default ${DEFAULT-VALUE}).")
    int parents;

    @Option(names = "--mutation-prob", defaultValue = "0.1", paramLabel = "P",
            description = "Per gene (default ${DEFAULT-VALUE}).")
    double mutationProb;

    @Option(names = "--generations", defaultValue = "20", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch-size", defaultValue = LutTargetOptions.DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Candidates per runner process when measuring (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--verify", description = "After the search, measure its top feasible candidates afresh "
            + "(not from the cache) and report how many are still under the budget.")
    boolean verify;

    @Option(names = "--out", paramLabel = "DIR", description = "Search folder. Default: results/searches/<time>/.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the search in DIR after its last finished generation (give the same options).")
    Path resume;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        double budgetUs = parseTime(latencyBudget);
        SearchSettings settings = new SearchSettings(population, mutations, crossovers, parents, mutationProb,
                generations, seed, budgetUs, 10);
        new SettingRange(1, LutTargetOptions.MAX_BATCH_SIZE).check("batchSize", batchSize);
        new SettingRange(1, 86_400).check("fitnessTimeout", fitnessTimeout);
        if (resume != null && out != null) {
            throw new InvalidSetting("out", "give --out or --resume, not both: a resumed search stays in its folder");
        }
        if (!List.of("measured", "lut", "hybrid").contains(latencySource)) {
            throw new InvalidSetting("latency", "'" + latencySource + "' is not measured, lut or hybrid");
        }
        boolean predicted = !"measured".equals(latencySource);
        if (predicted == (lut == null)) {
            throw new InvalidSetting("lut", predicted ? "--latency " + latencySource + " needs --lut FILE"
                    : "--lut is only for --latency lut or hybrid");
        }
        if (!(lutError >= 0 && lutError <= 100)) {
            throw new InvalidSetting("lutError", "must be a percentage from 0 to 100, got " + lutError);
        }
        Long macsLimit = macsLimit();
        SearchSpace space = backbone.space();
        int size = searchSize.checked();
        LutTable table = lut == null ? null : LutFiles.read(lut);
        Path dir = resume != null ? resume
                : out != null ? out : BenchHome.results("searches").resolve(STAMP.format(Instant.now()));
        SearchStore store = new SearchStore(dir);
        SearchState loaded = resume != null ? store.load() : null;
        if (resume == null && Files.exists(store.stateFile())) {
            throw new InvalidSetting("out", dir + " already holds a search: --resume it, or name a new folder");
        }
        SearchState done;
        SearchSummary summary;
        SearchSummary.Verification verification = null;
        try (Fitness score = fitness(size);
             OpenedTarget opened = OpenedTarget.openOne(target.spec(), measurement.settings(), "a search",
                     ProgressLine.messages("bench"))) {
            BenchmarkTarget device = opened.target();
            RunSettings run = opened.settings();
            LutKey key = LutKey.of(device.info(), run, NativeRunner.version(), space, size,
                    SubnetBuilder.DEFAULT_TEMPLATE_SIZE);
            if (table != null) {
                table.key().requireMatchesBesidesRunner(key, lut.toString());
            }
            MeasuredLatency measured = new MeasuredLatency(device, run, BenchHome.models(), size, batchSize,
                    new LatencyCache(BenchHome.results("latency-cache"), key), ProgressLine.forStderr());
            LatencySource source = table == null ? measured
                    : "hybrid".equals(latencySource) ? new HybridLatency(new LutLatency(table, lut.toString()),
                            measured, lutError, ProgressLine.messages("bench")::say)
                    : new LutLatency(table, lut.toString());
            String targetText = device.info().serial() + " (" + device.info().profile() + ", " + run.backend() + ", "
                    + run.precision() + ", " + run.threads() + " thread(s))";
            String constraintText = macsLimit == null ? source.describe()
                    : Constraint.macs(macsLimit, size, SubnetBuilder.DEFAULT_TEMPLATE_SIZE).describe();
            SearchState fresh = new SearchState(SearchState.FORMAT, settings, targetText, constraintText,
                    score.describe(), size, space.backboneBudgetMacsM(), 0, List.of(), List.of());
            if (loaded != null && !loaded.sameSearchAs(fresh)) {
                throw BenchException.badInput(dir + " was searched with other options (" + loaded.settings() + ", "
                        + loaded.latency() + ", " + loaded.fitness() + ", " + loaded.target() + "): resume it with "
                        + "the same options");
            }
            SearchState start = loaded != null ? loaded : fresh;
            if (loaded != null) {
                ProgressLine.messages("bench").say("resuming " + dir + " after generation "
                        + loaded.completedGenerations() + " of " + settings.generations());
            }
            EvolutionarySearch search = macsLimit == null
                    ? new EvolutionarySearch(space, size, settings, source, score, store.fitnessFile(),
                            ProgressLine.forStderr())
                    : new EvolutionarySearch(space, size, settings, Constraint.macs(macsLimit, size,
                            SubnetBuilder.DEFAULT_TEMPLATE_SIZE), score, store.fitnessFile(), ProgressLine.forStderr());
            store.save(start);
            done = search.run(start, store::save);
            if ("lut".equals(latencySource) || macsLimit != null) {
                done = measureFinal(done, measured, macsLimit == null);
                store.save(done);
            }
            if (verify) {
                MeasuredLatency afresh = new MeasuredLatency(device, run, BenchHome.models(), size, batchSize,
                        new LatencyCache(dir.resolve("verify-" + STAMP.format(Instant.now())), key),
                        ProgressLine.forStderr());
                verification = verification(done, afresh);
            }
        } catch (MeasurementInterruptedException e) {
            throw BenchException.badInput(e.getMessage() + " (the search is checkpointed in " + dir
                    + ": --resume it)", e);
        }
        SearchPlots.write(dir, done);
        summary = SearchSummary.of(dir.getFileName().toString(), dir.toString(), done, settings.parents(),
                verification);
        if (json) {
            System.out.println(JsonMapper.write(summary));
        } else {
            print(summary, done);
        }
        return 0;
    }

    private static SearchSummary.Verification verification(SearchState s, MeasuredLatency afresh) {
        List<Candidate> top = EvolutionarySearch.top(s.candidates(), s.settings().parents());
        ProgressLine.messages("bench").say("verifying: measuring the " + top.size() + " best feasible candidates "
                + "afresh");
        List<LatencyEstimate> m = afresh.estimate(top.stream().map(c -> ArchStringCodec.parse(c.arch())).toList(),
                s.settings().budgetUs());
        double budget = s.settings().budgetUs();
        int median = (int) m.stream().filter(e -> e.p50Us() <= budget).count();
        int notOver = (int) m.stream().filter(e -> (e.ciUs() == null ? e.p50Us() : e.ciUs().get(0)) <= budget).count();
        return new SearchSummary.Verification(m.size(), median, notOver,
                m.stream().map(LatencyEstimate::p50Us).toList());
    }

    /** The MACs limit of --constraint macs:N[M|G], or null for the latency constraint. */
    private Long macsLimit() {
        if ("latency".equals(constraint)) {
            return null;
        }
        Matcher m = Pattern.compile("macs:([0-9]+(?:\\.[0-9]+)?)([mg]?)").matcher(constraint.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSetting("constraint", "'" + constraint + "' is not latency or macs:LIMIT (e.g. macs:600M)");
        }
        double v = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
            case "g" -> 1e9;
            case "m" -> 1e6;
            default -> 1;
        };
        if (v < 1 || v > 1e13) {
            throw new InvalidSetting("constraint", "'" + constraint + "' must be a MACs limit from 1 to 10000G");
        }
        return (long) v;
    }

    /**
     * The final top candidates measured on the device. {@code latencyDecides} (--latency lut): only measured ones
     * stay feasible; else (--constraint macs) feasibility stays the MACs limit's and the latency is attached.
     */
    private SearchState measureFinal(SearchState s, MeasuredLatency measured, boolean latencyDecides) {
        List<Candidate> top = EvolutionarySearch.top(s.candidates(), s.settings().parents());
        ProgressLine.messages("bench").say("measuring the final " + top.size() + " candidates on the device");
        List<LatencyEstimate> m = measured.estimate(top.stream().map(c -> ArchStringCodec.parse(c.arch())).toList(),
                s.settings().budgetUs());
        List<Candidate> all = new ArrayList<>();
        for (Candidate c : s.candidates()) {
            int i = top.indexOf(c);
            if (i >= 0) {
                all.add(new Candidate(c.arch(), c.generation(), c.origin(), c.macs(), c.params(), m.get(i),
                        latencyDecides ? m.get(i).within(s.settings().budgetUs()) : c.feasible(), c.fitness()));
            } else if (c.feasible() && latencyDecides) {
                // predicted to fit, never measured: not reported as feasible
                all.add(new Candidate(c.arch(), c.generation(), c.origin(), c.macs(), c.params(), c.latency(), false,
                        c.fitness()));
            } else {
                all.add(c);
            }
        }
        return new SearchState(s.formatVersion(), s.settings(), s.target(), s.latency() + ", final candidates "
                + measured.describe(), s.fitness(), s.searchSize(), s.backboneBudget(), s.completedGenerations(), all,
                s.generations());
    }

    private Fitness fitness(int size) {
        if (fitness.startsWith("cmd:")) {
            String command = fitness.substring(4).trim();
            if (command.isEmpty()) {
                throw new InvalidSetting("fitness", "cmd: needs a command, e.g. cmd:\"python3 eval.py\"");
            }
            return new CommandFitness(command, Duration.ofSeconds(fitnessTimeout));
        }
        return switch (fitness) {
            case "macs" -> new ProxyFitness(ProxyFitness.Kind.MACS, size, SubnetBuilder.DEFAULT_TEMPLATE_SIZE);
            case "params" -> new ProxyFitness(ProxyFitness.Kind.PARAMS, size, SubnetBuilder.DEFAULT_TEMPLATE_SIZE);
            default -> throw new InvalidSetting("fitness", "'" + fitness + "' is not macs, params or cmd:\"COMMAND\"");
        };
    }

    /** "25ms", "25000us", "0.025s" in µs. */
    static double parseTime(String text) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSetting("latencyBudget", "'" + text + "' is not a time: give e.g. 25ms, 25000us or 0.025s");
        }
        double v = Double.parseDouble(m.group(1));
        double us = switch (m.group(2)) {
            case "s" -> v * 1e6;
            case "ms" -> v * 1e3;
            default -> v;
        };
        if (!(us > 0) || us > 3.6e9) {
            throw new InvalidSetting("latencyBudget", "'" + text + "' must be above 0 and at most an hour");
        }
        return us;
    }

    private static void print(SearchSummary s, SearchState state) {
        System.out.printf("search %s: %d generations, %d candidates, %d feasible (%s; latency budget %.3f ms)%n",
                s.dir(), s.generations(), s.candidates(), s.feasible(), s.latency(), s.budgetMs());
        Candidate b = s.best();
        if (b == null) {
            System.out.println("  no candidate fits the constraint");
        } else if (b.latency() == null) {
            System.out.printf("  best: %s%n    %.1fM MACs, %.2fM params, fitness %.6g (%s); latency not measured%n",
                    b.arch(), b.macs() / 1e6, b.params() / 1e6, b.fitness(), state.fitness());
        } else {
            List<Double> ci = b.latency().ciUs();
            System.out.printf("  best: %s%n    latency %.3f ms (%s%s%s), %.1fM MACs, %.2fM params, fitness %.6g (%s)%n",
                    b.arch(), b.latency().p50Us() / 1000, b.latency().source(),
                    ci == null ? "" : String.format(Locale.ROOT, ", 95%% CI %.3f-%.3f ms", ci.get(0) / 1000,
                            ci.get(1) / 1000), b.latency().flagged() ? ", FLAGGED: its interval straddled the budget"
                            : "", b.macs() / 1e6, b.params() / 1e6, b.fitness(), state.fitness());
        }
        SearchSummary.MacsProxy p = s.macsProxy();
        if (p.measured() > 0) {
            System.out.printf("  MACs as the constraint, over the %d measured candidates: %d fit MACs <= 600M but miss "
                    + "the budget, %d meet the budget above 600M; Kendall tau(MACs, latency) %s%n", p.measured(),
                    p.underMacsOverBudget(), p.overMacsUnderBudget(),
                    p.kendallTau() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", p.kendallTau()));
        }
        SearchSummary.Verification v = s.verification();
        if (v != null) {
            System.out.printf("  verified afresh: %d of %d best candidates under the budget by their median, %d not "
                    + "clearly over it (interval low end under it)%n", v.medianWithinBudget(), v.measured(),
                    v.notClearlyOver());
        }
        System.out.printf("  %s/search.json, pareto.png, generations.png%n", s.dir());
    }
}
