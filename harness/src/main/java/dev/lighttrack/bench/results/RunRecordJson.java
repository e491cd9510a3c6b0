package dev.lighttrack.bench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** JSON form of run records: snake_case, pretty, versioned. */
public final class RunRecordJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunRecordJson() {
    }

    public static String write(RunRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of records, as printed for a run on several devices. */
    public static String writeAll(java.util.List<?> records) {
        try {
            return MAPPER.writeValueAsString(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record; a major schema version other than ours is refused with a clear message. */
    public static RunRecord read(Path file) {
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            String version = node.path("schema_version").asText("");
            if (!version.matches("\\d+\\.\\d+")) {
                throw new IllegalArgumentException(file + " is not a run record: no schema_version");
            }
            int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
            if (major != RunRecord.SCHEMA_MAJOR) {
                throw new IllegalArgumentException(file + " has run-record schema " + version + "; this bench reads "
                        + RunRecord.SCHEMA_MAJOR + ".x (use a bench version made for schema " + major + ".x)");
            }
            return MAPPER.treeToValue(node, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run record " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] bytes(RunRecord record) {
        return write(record).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
