package dev.lighttrack.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Every fitness a search's evaluator gave, appended to {@code fitness.jsonl} in the search folder as soon as it
 * is known, so a resumed search evaluates nothing twice (a torn last line, from a kill mid-write, is ignored).
 */
final class FitnessCache {
    private final Path file;
    private final Map<String, Double> known = new HashMap<>();

    FitnessCache(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        JsonNode n = JsonMapper.MAPPER.readTree(line);
                        if (n != null && n.path("arch").isTextual() && n.path("fitness").isNumber()) {
                            known.put(n.get("arch").asText(), n.get("fitness").asDouble());
                        }
                    } catch (IOException torn) {
                        // the line being written when the search was killed: evaluated again
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + IoReason.of(e), e);
            }
        }
    }

    Double get(String arch) {
        return known.get(arch);
    }

    void put(String arch, double fitness) {
        known.put(arch, fitness);
        String line = JsonMapper.MAPPER.createObjectNode().put("arch", arch).put("fitness", fitness) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + IoReason.of(e), e);
        }
    }
}
