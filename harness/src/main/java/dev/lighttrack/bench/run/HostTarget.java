package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.protocol.RunnerLineParser;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.device.LocalDeviceShell;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * This machine, in-process: the runner library through JNA ({@link NativeRunner}), the same C timing loop the
 * agent runs on devices, without ADB. Temperatures and clocks come from this host's sysfs.
 */
public final class HostTarget extends SensedTarget {

    public HostTarget(DeviceProfile profile) {
        super(new TargetInfo(DeviceProfile.HOST, profile.name(), hostName(), cpuModel(),
                VirtualDeviceSession.hostAbi(), false, null,
                System.getProperty("os.name") + " " + System.getProperty("os.version")),
                new TargetSensors(new LocalDeviceShell(Duration.ofSeconds(30)), profile));
    }

    @Override
    public void awaitCool(RunProgress progress) {
        sensors.awaitCool("this host", progress);
    }

    @Override
    public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
        return interleaved(List.of(model), settings, VisitOrder.rotating(1, settings.rounds()), progress).get(0);
    }

    /**
     * The models of a batch measured as the agent does with {@code --rounds} and {@code --order}: all opened in
     * this process, then each round visits them in {@code order}, each visit a block of samples, warmup at the first.
     */
    @Override
    public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                         BatchSink sink) {
        if (settings.rounds() == 1) {
            for (BenchModel model : models) { // one at a time: only one model is open
                sink.accept(model, run(model, settings, progress));
            }
            return;
        }
        List<RawRun> runs = interleaved(models, settings, order, progress);
        for (int i = 0; i < models.size(); i++) {
            sink.accept(models.get(i), runs.get(i));
        }
    }

    private List<RawRun> interleaved(List<BenchModel> models, RunSettings settings, VisitOrder order,
                                     RunProgress progress) {
        RunnerOptions options = new RunnerOptions(settings.backend(), settings.threads(), settings.cpus(),
                "fp16".equals(settings.precision()) ? RunnerOptions.Precision.FP16 : RunnerOptions.Precision.FP32);
        int n = models.size();
        int rounds = settings.rounds();
        order.requireFits(n, rounds);
        int perRound = settings.iterationsPerRound();
        List<NativeRunner> runners = new ArrayList<>(n);
        try {
            for (BenchModel model : models) {
                runners.add(open(model, options));
            }
            long[][][] blocks = new long[n][rounds][];
            Long[] firstInference = new Long[n];
            OpTimeAverage[] opTimes = new OpTimeAverage[n];
            Arrays.setAll(opTimes, i -> new OpTimeAverage());
            List<RoundCondition> conditions = new ArrayList<>(rounds);
            for (int r = 0; r < rounds; r++) {
                if (rounds > 1) {
                    conditions.add(RoundSensing.read(sensors, r, "this host", progress));
                }
                for (int i : order.rounds().get(r)) {
                    // after another model ran, one untimed inference re-warms caches (as the agent does)
                    int warm = r == 0 ? settings.warmup() : Math.min(1, settings.warmup());
                    blocks[i][r] = measure(runners.get(i), models.get(i), warm, perRound,
                            settings.minSeconds() / rounds, settings.delayMs());
                    if (r == 0) {
                        firstInference[i] = runners.get(i).firstInferenceNs();
                    }
                    opTimes[i].add(runners.get(i).opTimings(), blocks[i][r].length);
                }
            }
            List<RawRun> runs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                NativeRunner runner = runners.get(i);
                long[] samples = Arrays.stream(blocks[i]).flatMapToLong(Arrays::stream).toArray();
                int[] sizes = Arrays.stream(blocks[i]).mapToInt(b -> b.length).toArray();
                runs.add(new RawRun(samples, opTimes[i].result(), NativeRunner.version(), runner.engine(),
                        RunnerLineParser.PROTOCOL_MAJOR, runner.modelSha256(), runner.loadNs(), firstInference[i],
                        sizes));
                if (rounds > 1) {
                    runs.set(i, runs.get(i).withRoundConditions(conditions, "this host"));
                }
            }
            return runs;
        } finally {
            runners.forEach(NativeRunner::close);
        }
    }

    private static NativeRunner open(BenchModel model, RunnerOptions options) {
        try {
            return NativeRunner.open(model.file(), options);
        } catch (RunnerError e) {
            throw failed(model, e);
        }
    }

    private static long[] measure(NativeRunner runner, BenchModel model, int warmup, int iterations, double minSeconds,
            double delayMs) {
        try {
            return runner.run(warmup, iterations, minSeconds, delayMs);
        } catch (RunnerError e) {
            throw failed(model, e);
        }
    }

    private static RunnerError failed(BenchModel model, RunnerError e) {
        return e.withMessage("the runner on this host failed on " + model.name() + ": " + e.getMessage() + " ("
                + e.code() + ")");
    }

    @Override
    public void close() {
        // every NativeRunner is closed after its run
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        return name == null || name.isBlank() ? "localhost" : name;
    }

    /** The CPU's marketing name from /proc/cpuinfo, for the record's "soc". */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("model name") && line.indexOf(':') > 0) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or not readable: the record says "host"
        }
        return "host";
    }
}
