package dev.lighttrack.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The external evaluator protocol against a test evaluator (src/test/resources/search/evaluator.py). */
class CommandFitnessTest {
    private static final String SCRIPT = Path.of("src/test/resources/search/evaluator.py").toAbsolutePath().toString();

    private static CommandFitness start(String mode, int timeoutSeconds) {
        return new CommandFitness("python3 '" + SCRIPT + "' " + mode, Duration.ofSeconds(timeoutSeconds));
    }

    @Test
    void scoresABatchInRequestOrder() {
        List<Architecture> archs = new ArchSampler(SearchSpace.MOBILE).distinct(5, new Random(2));
        try (CommandFitness f = start("ok", 30)) {
            List<Double> scores = f.score(archs);
            for (int i = 0; i < archs.size(); i++) {
                String arch = ArchStringCodec.format(archs.get(i));
                assertEquals(arch.chars().filter(c -> c == '7').count(), scores.get(i), 1e-9, arch);
            }
            assertEquals(1, f.score(List.of(archs.get(0))).size()); // the evaluator stays up between batches
        }
    }

    @Test
    void misbehaviourIsAnErrorNamingTheCandidate() {
        Architecture mobile = ArchPresets.resolve("lighttrack-mobile");
        String name = ArchStringCodec.format(mobile);
        for (String[] c : new String[][] {
                {"crash", "exited with code 3 while bench waited for the fitness of " + name},
                {"garbage", "printed a line that is not JSON (loading weights... done) while bench waited for the fitness of " + name},
                {"nan", "for the fitness of " + name},
                {"error", "could not score " + name + ": CUDA out of memory"}}) {
            try (CommandFitness f = start(c[0], 30)) {
                BenchException e = assertThrows(BenchException.class, () -> f.score(List.of(mobile)), c[0]);
                assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aWrongHelloOrNoneIsRefusedAtStart() {
        BenchException bad = assertThrows(BenchException.class, () -> start("bad-hello", 30));
        assertTrue(bad.getMessage().contains("not {\"type\":\"hello\",\"protocol\":1}"), bad.getMessage());
        BenchException silent = assertThrows(BenchException.class, () -> start("silent", 1));
        assertTrue(silent.getMessage().contains("gave no answer within 1 s while bench waited for its hello"),
                silent.getMessage());
    }
}
