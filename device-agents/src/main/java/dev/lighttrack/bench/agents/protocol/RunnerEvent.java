package dev.lighttrack.bench.agents.protocol;

import java.util.Map;

/**
 * One JSON line of the runner protocol (native/README.md): a {@code header}, a batch of raw
 * {@code samples} in nanoseconds, a per-op timing ({@code op}), the runner's own {@code summary}
 * (informative only: the host recomputes everything from raw samples), or an {@code error}.
 */
public sealed interface RunnerEvent {
    /** The model path or name this event belongs to, when the runner says (manifest runs); null otherwise. */
    String model();

    record Header(String model, int protocolVersion, String runnerVersion, String engine, String backend,
                  String modelSha256, Long loadNs, Map<String, Object> fields) implements RunnerEvent {
    }

    /** {@code round}: the round of an interleaved run ({@code --rounds}), or -1 for a run in one block. */
    record Samples(String model, int round, long[] ns) implements RunnerEvent {
    }

    /** An interleaved run begins round {@code round} (a moment to read the target's conditions). */
    record Round(String model, int round) implements RunnerEvent {
    }

    record Op(String model, String node, String opType, long ns) implements RunnerEvent {
    }

    record Summary(String model, Long firstInferenceNs, Long loadNs, Map<String, Object> fields) implements RunnerEvent {
    }

    record Error(String model, String code, String message) implements RunnerEvent {
    }

    /** A line of a type this host does not know (a newer minor protocol version); kept, not fatal. */
    record Other(String model, String type, Map<String, Object> fields) implements RunnerEvent {
    }
}
