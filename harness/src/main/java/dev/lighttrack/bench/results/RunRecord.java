package dev.lighttrack.bench.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lighttrack.bench.stats.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to understand and reproduce one benchmark run. Serialised as JSON with snake_case
 * fields; {@code schema_version} is "major.minor" and readers refuse a major version they do not know.
 */
public record RunRecord(String schemaVersion, String id, String createdAt, Device device, String backend,
                        String precision, Runner runner, Model model, Settings settings, Conditions before,
                        Conditions after, Timings timings, LatencySummary summary, List<OpTime> ops,
                        List<Round> rounds, String histogramFile, Host host, String note, Origin origin) {
    public RunRecord {
        ops = ops == null ? List.of() : List.copyOf(ops);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }

    public static final int SCHEMA_MAJOR = 1;
    public static final String SCHEMA_VERSION = SCHEMA_MAJOR + ".4";

    /** The device measured. {@code virtual} devices run the agent on this host: their timings are the host's. */
    public record Device(String serial, String profile, String model, String soc, String abi, boolean virtual,
                         String adbServer) {
    }

    public record Runner(String version, String engine, int protocolVersion) {
    }

    /** The model: a name, the arch string when it came from the space, content hash, costs. */
    public record Model(String name, String arch, String sha256, Long macs, Long params, Integer searchSize) {
    }

    /** {@code rounds}: of an interleaved run, 1 for one block (null in records before schema 1.2). */
    public record Settings(int warmup, int iterations, double minSeconds, int threads, String cpus, double delayMs,
                           Integer rounds) {
    }

    /** Thermal zone temperatures (°C) and clocks (kHz) read on the device. */
    public record Conditions(Map<String, Double> temperaturesC, Map<String, Long> clocksKhz) {
    }

    /**
     * The target as one round of an interleaved run began (added in 1.3; empty for one block, or where not read):
     * temperatures and clocks, the 1-minute load average, and, when {@code excluded}, the zones that were too hot
     * (its samples are not in the record).
     */
    public record Round(int round, Map<String, Double> temperaturesC, Map<String, Long> clocksKhz,
                        @JsonProperty("load_average_1m") Double loadAverage1m, boolean excluded, List<String> tooHot) {
    }

    /** Model load and first-inference times as the runner reported them, in µs; null when not reported. */
    public record Timings(Double loadUs, Double firstInferenceUs) {
    }

    /**
     * Mean time of one ONNX node per timed inference, as the runner measured it: OpenCL profiling-event
     * (device) time on the gpu backend; absent (empty) where the backend cannot time ops (cpu). Added in 1.1.
     */
    public record OpTime(String node, String opType, double meanUs) {
    }

    public record Host(String harnessVersion, String javaVersion, String os) {
    }

    /**
     * What made the run (added in 1.4; null before): the command ({@code bench}, {@code ci check}), the commit
     * it measured ({@code --commit}, else the work tree's HEAD, else null) and, for a check, its id, the half
     * ({@code control}, {@code treatment}) and the phase ({@code A/B}, {@code confirmation}).
     */
    public record Origin(String command, String commit, String checkId, String role, String phase) {
        public static Origin bench(String commit) {
            return new Origin("bench", commit, null, null, null);
        }
    }
}
