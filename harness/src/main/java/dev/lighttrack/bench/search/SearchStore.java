package dev.lighttrack.bench.search;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A search's folder: {@code search.json} (the checkpoint, rewritten atomically), {@code fitness.jsonl}, plots. */
public record SearchStore(Path dir) {
    public Path stateFile() {
        return dir.resolve("search.json");
    }

    public Path fitnessFile() {
        return dir.resolve("fitness.jsonl");
    }

    public void save(SearchState state) {
        AtomicFiles.write(stateFile(), (JsonMapper.write(state) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The checkpoint of a search to resume; an error naming the folder when there is none or it is damaged. */
    public SearchState load() {
        Path file = stateFile();
        if (!Files.isRegularFile(file)) {
            throw BenchException.badInput(dir + " holds no search to resume (no search.json): give the folder of an "
                    + "earlier 'bench search'");
        }
        try {
            SearchState s = JsonMapper.MAPPER.readValue(file.toFile(), SearchState.class);
            if (s.formatVersion() != SearchState.FORMAT) {
                throw BenchException.badInput(file + " is search format " + s.formatVersion() + "; this bench reads "
                        + SearchState.FORMAT);
            }
            return s;
        } catch (IOException e) {
            throw BenchException.badInput("cannot read the search checkpoint " + file + ": " + IoReason.of(e), e);
        }
    }
}
