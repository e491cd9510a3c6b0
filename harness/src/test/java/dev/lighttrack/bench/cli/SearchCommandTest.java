package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.lut.LutFit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path dir;

    private static final String[] TINY = {"--device", "host", "--population", "4", "--mutations", "2",
        "--crossovers", "2", "--parents", "2", "--generations", "2", "--iterations", "6", "--rounds", "6",
        "--warmup", "1", "--min-seconds", "0", "--search-size", "128"};

    private CliRun search(String... more) {
        String[] args = new String[TINY.length + more.length + 1];
        args[0] = "search";
        System.arraycopy(TINY, 0, args, 1, TINY.length);
        System.arraycopy(more, 0, args, 1 + TINY.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void aMeasuredSearchOnThisHostWritesItsFolderAndResumesToTheSameEnd() throws Exception {
        Path out = dir.resolve("s");
        CliRun run = search("--latency-budget", "2s", "--out", out.toString(), "--verify", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode s = JsonMapper.MAPPER.readTree(run.out());
        assertEquals(2, s.get("generations").asInt());
        assertEquals(8, s.get("feasible").asInt());
        assertEquals("measured", s.at("/best/latency/source").asText());
        assertEquals(8, s.at("/macs_proxy/measured").asInt());
        assertEquals(2, s.at("/verification/measured").asInt());
        assertEquals(2, s.at("/verification/median_within_budget").asInt());
        for (String f : new String[] {"search.json", "fitness.jsonl", "pareto.png", "generations.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(run.err().contains("generation 2/2"), run.err());
        // resuming a finished search does nothing more and reports the same best
        CliRun again = search("--latency-budget", "2s", "--resume", out.toString(), "--json");
        assertTrue(again.out().contains("\"verification\" : null"), again.out());
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(s.get("best"), JsonMapper.MAPPER.readTree(again.out()).get("best"));
        assertTrue(!again.err().contains("candidates ["), again.err()); // nothing measured again
    }

    @Test
    void thePapersMacsConstraintThenMeasuresItsFinalCandidatesAgainstTheBudget() throws Exception {
        // a budget no subnet meets on this host: every final candidate fits 600M MACs and misses 1 ms
        CliRun run = search("--latency-budget", "1ms", "--constraint", "macs:600M", "--out",
                dir.resolve("paper").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode s = JsonMapper.MAPPER.readTree(run.out());
        assertTrue(s.get("latency").asText().startsWith("macs <= 600M"), s.toString());
        assertEquals(2, s.at("/macs_proxy/measured").asInt());
        assertEquals(2, s.at("/macs_proxy/under_macs_over_budget").asInt());
        assertTrue(s.at("/best/macs").asLong() <= 600_000_000L);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "25ms", "--constraint", "flops"),
                "'flops' is not latency or macs:LIMIT");
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "fast"), "--latency-budget 'fast' is not a time");
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "25ms", "--latency", "hybrid"),
                "--latency hybrid needs --lut FILE");
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "25ms", "--latency", "lut"),
                "--latency lut needs --lut FILE");
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "25ms", "--fitness", "accuracy"),
                "'accuracy' is not macs, params or cmd");
        LutCommandTest.assertOneLineExit2(CliRun.of("search", "--device", "host", "--latency-budget", "25ms",
                "--population", "4", "--mutations", "3", "--crossovers", "2"),
                "3 mutations + 2 crossovers exceed the population of 4");
        LutCommandTest.assertOneLineExit2(search("--latency-budget", "25ms", "--resume", dir.toString()),
                "holds no search to resume");
    }

    @Test
    void aTableOfAnotherDeviceIsRefused() {
        LutCommandTest tables = new LutCommandTest();
        tables.dir = dir;
        Path table = tables.table(new LutFit("test", 8, 1, 300, -2, 1, 1));
        CliRun run = search("--latency-budget", "25ms", "--latency", "lut", "--lut", table.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(table.toString()), run.err());
    }
}
