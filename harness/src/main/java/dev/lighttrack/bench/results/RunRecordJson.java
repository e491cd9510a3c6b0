package dev.lighttrack.bench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** JSON form of run records: snake_case, pretty, versioned. */
public final class RunRecordJson {
    public static final ObjectMapper MAPPER = JsonMapper.MAPPER;

    private RunRecordJson() {
    }

    /** Summary fields repeated at the top level, so scripts read {@code .p50_us} as from benchmark_model-like tools. */
    private static final List<String> HEADLINE = List.of("samples", "p50_us", "p90_us", "p99_us", "mean_us", "fps");

    public static String write(RunRecord record) {
        try {
            return MAPPER.writeValueAsString(tree(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of records, as printed for a run on several devices. */
    public static String writeAll(List<RunRecord> records) {
        try {
            ArrayNode all = MAPPER.createArrayNode();
            records.forEach(r -> all.add(tree(r)));
            return MAPPER.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(RunRecord record) {
        ObjectNode node = MAPPER.valueToTree(record);
        JsonNode summary = node.path("summary");
        for (String field : HEADLINE) {
            if (summary.has(field)) {
                node.set(field, summary.get(field));
            }
        }
        return node;
    }

    /** Reads a record; a major schema version other than ours is refused with a clear message. */
    public static RunRecord read(Path file) {
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            String version = node.path("schema_version").asText("");
            if (!version.matches("\\d+\\.\\d+")) {
                throw BenchException.badInput(file + " is not a run record: no schema_version");
            }
            int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
            if (major != RunRecord.SCHEMA_MAJOR) {
                throw BenchException.badInput(file + " has run-record schema " + version + "; this bench reads "
                        + RunRecord.SCHEMA_MAJOR + ".x (use a bench version made for schema " + major + ".x)");
            }
            return MAPPER.treeToValue(node, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run record " + file + ": " + IoReason.of(e), e);
        }
    }

    static byte[] bytes(RunRecord record) {
        return write(record).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
