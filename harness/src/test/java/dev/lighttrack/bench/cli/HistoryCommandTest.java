package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.session.BenchHome;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCommandTest {
    private static final String SERIES = "host/cpu/fp32/lighttrack-mobile-s64";

    private static CliRun bench(String commit) {
        CliRun run = CliRun.of("--device", "host", "--arch", "lighttrack-mobile", "--search-size", "64", "--warmup",
                "1", "--iterations", "12", "--rounds", "6", "--min-seconds", "0", "--commit", commit);
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    private static List<String> commitsListed() throws Exception {
        CliRun list = CliRun.of("history", "--series", SERIES, "--limit", "100000", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        List<String> commits = new ArrayList<>();
        for (JsonNode run : JsonMapper.MAPPER.readTree(list.out()).get("runs")) {
            assertEquals(SERIES, run.get("serial").asText() + "/" + run.get("backend").asText() + "/"
                    + run.get("precision").asText() + "/" + run.get("model").asText());
            String commit = run.get("commit").asText();
            if (commit.startsWith("hist-test-")) {
                assertTrue(Files.isRegularFile(BenchHome.results("runs").resolve(run.get("record_file").asText())));
                commits.add(commit);
            }
        }
        return commits;
    }

    @Test
    void everyBenchRunIsInTheHistoryWithItsCommitAndARebuildRecreatesIt() throws Exception {
        bench("hist-test-1");
        bench("hist-test-2");
        List<String> before = commitsListed();
        assertEquals(List.of("hist-test-1", "hist-test-2"), before);

        Files.delete(BenchHome.results(HistoryCommand.DATABASE));
        CliRun rebuild = CliRun.of("history", "rebuild", "--json");
        assertEquals(0, rebuild.exitCode(), rebuild::toString);
        assertTrue(JsonMapper.MAPPER.readTree(rebuild.out()).get("runs").asInt() >= 2, rebuild.out());
        assertEquals(before, commitsListed(), "the records rebuild the same history");

        CliRun text = CliRun.of("history", "--series", SERIES);
        assertTrue(text.out().contains("hist-test-2") && text.out().contains(SERIES), text.out());
        CliRun changes = CliRun.of("history", "changes", "--series", SERIES, "--json");
        assertEquals(0, changes.exitCode(), changes::toString);
        assertEquals(SERIES, JsonMapper.MAPPER.readTree(changes.out()).get(0).get("series").asText());
    }

    @Test
    void badOptionsAreOneLineErrors() {
        LutCommandTest.assertOneLineExit2(CliRun.of("--device", "host", "--commit", "abc;rm -rf"),
                "'abc;rm -rf' is not a commit id or ref name");
        LutCommandTest.assertOneLineExit2(CliRun.of("history", "changes", "--max-p", "0"), "must be in (0, 1]");
        LutCommandTest.assertOneLineExit2(CliRun.of("history", "--limit", "0"), "--limit");
    }
}
