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
import java.util.List;
import java.util.Locale;

/**
 * This machine, in-process: the runner library through JNA ({@link NativeRunner}), the same C timing loop the
 * agent runs on devices, without ADB. Temperatures and clocks come from this host's sysfs.
 */
public final class HostTarget implements BenchmarkTarget {
    private final TargetInfo info;
    private final TargetSensors sensors;

    public HostTarget(DeviceProfile profile) {
        this.sensors = new TargetSensors(new LocalDeviceShell(Duration.ofSeconds(30)), profile);
        this.info = new TargetInfo(DeviceProfile.HOST, profile.name(), hostName(), cpuModel(),
                VirtualDeviceSession.hostAbi(), false, null,
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    @Override
    public TargetConditions conditions() {
        return sensors.conditions();
    }

    @Override
    public void awaitCool(RunProgress progress) {
        sensors.awaitCool("this host", progress);
    }

    @Override
    public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
        RunnerOptions options = new RunnerOptions(settings.backend(), settings.threads(), settings.cpus(),
                "fp16".equals(settings.precision()) ? RunnerOptions.Precision.FP16 : RunnerOptions.Precision.FP32);
        try (NativeRunner runner = NativeRunner.open(model.file(), options)) {
            // rounds as the agent runs them (--rounds): blocks of samples, warmup only before the first
            int rounds = settings.rounds();
            int perRound = rounds > 1 ? settings.iterationsPerRound() : settings.iterations();
            long[][] blocks = new long[rounds][];
            Long firstInference = null;
            for (int r = 0; r < rounds; r++) {
                blocks[r] = runner.run(r == 0 ? settings.warmup() : 0, perRound, settings.minSeconds() / rounds,
                        settings.delayMs());
                if (r == 0) {
                    firstInference = runner.firstInferenceNs();
                }
            }
            long[] samples = java.util.Arrays.stream(blocks).flatMapToLong(java.util.Arrays::stream).toArray();
            int[] sizes = java.util.Arrays.stream(blocks).mapToInt(b -> b.length).toArray();
            List<OpTiming> ops = runner.opTimings().stream()
                    .map(op -> new OpTiming(op.node(), op.opType(), op.meanNs())).toList();
            return new RawRun(samples, ops, NativeRunner.version(), runner.engine(), RunnerLineParser.PROTOCOL_MAJOR,
                    runner.modelSha256(), runner.loadNs(), firstInference, sizes);
        } catch (RunnerError e) {
            throw e.withMessage("the runner on this host failed on " + model.name() + ": " + e.getMessage() + " ("
                    + e.code() + ")");
        }
    }

    @Override
    public void runBatch(List<BenchModel> models, RunSettings settings, RunProgress progress, BatchSink sink) {
        for (BenchModel model : models) {
            sink.accept(model, run(model, settings, progress));
        }
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
