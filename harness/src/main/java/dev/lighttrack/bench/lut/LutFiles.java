package dev.lighttrack.bench.lut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes lookup tables as JSON, atomically, so an interrupted build leaves a valid table. */
public final class LutFiles {
    private static final ObjectMapper MAPPER = JsonMapper.MAPPER;

    private LutFiles() {
    }

    public static void write(LutTable table, Path file) {
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(table));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lookup table " + file + ": " + IoReason.of(e), e);
        }
    }

    public static LutTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BenchException.badInput("lookup table " + file + " does not exist; build one with 'bench lut build'");
        }
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            String version = node.path("schema_version").asText("");
            if (!version.startsWith("1.")) {
                throw BenchException.badInput(file + " is not a lookup table of schema 1.x (found '" + version + "')");
            }
            return LutTableCheck.check(MAPPER.treeToValue(node, LutTable.class), file);
        } catch (JsonProcessingException e) {
            // Jackson's own text names its classes; say where the file stops making sense instead
            var at = e.getLocation();
            throw BenchException.badInput("lookup table " + file + " is not a valid table"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": truncated or corrupt; rebuild it with 'bench lut build'", e);
        } catch (IOException e) {
            throw BenchException.badInput("cannot read lookup table " + file + ": " + IoReason.of(e), e);
        }
    }
}
