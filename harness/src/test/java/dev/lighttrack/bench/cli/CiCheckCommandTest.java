package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.session.BenchHome;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CiCheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void aModelAgainstItselfIsNeverARegressionAndTheJUnitXmlSaysWhatWasDecided() throws Exception {
        Path xml = dir.resolve("ci.xml");
        CliRun run = CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile", "--baseline-arch",
                "lighttrack-mobile", "--search-size", "128", "--iterations", "48", "--rounds", "12", "--warmup", "1",
                "--min-seconds", "0", "--max-rounds", "24", "--junit", xml.toString(), "--json");
        // same (0) or, on a very noisy machine, inconclusive (4); a regression (1) would be a false alarm
        assertTrue(run.exitCode() == 0 || run.exitCode() == 4, run::toString);
        JsonNode r = JsonMapper.MAPPER.readTree(run.out());
        JsonNode d = r.at("/devices/0");
        assertEquals(run.exitCode() == 0 ? "same" : "inconclusive", r.get("decision").asText());
        assertTrue(d.at("/first/rounds").asInt() >= 12, d.toString());
        assertEquals(1.0, d.at("/first/ratio").asDouble(), 0.1);
        // a first A/B that suspects a regression must have been confirmed, independently, before any verdict
        boolean suspected = d.at("/first/decision").asText().equals("regression");
        assertEquals(suspected, !d.get("confirmation").isNull(), d.toString());

        // the check and both halves of each A/B are kept: the report, run records with their origin, the history
        String id = r.get("id").asText();
        assertTrue(Files.isRegularFile(BenchHome.results("checks").resolve(id + ".json")), id);
        int expectedRuns = d.get("confirmation").isNull() ? 2 : 4;
        assertEquals(expectedRuns, d.get("runs").size(), d.toString());
        JsonNode control = JsonMapper.MAPPER.readTree(
                BenchHome.results("runs").resolve(d.get("runs").get(0).asText() + ".json").toFile());
        assertEquals("ci check", control.at("/origin/command").asText());
        assertEquals(id, control.at("/origin/check_id").asText());
        assertEquals("control", control.at("/origin/role").asText());
        assertEquals(d.at("/first/rounds").asInt(), control.at("/settings/rounds").asInt());
        JsonNode history = JsonMapper.MAPPER.readTree(CliRun.of("history", "--json").out());
        assertTrue(history.get("checks").findValuesAsText("check_id").contains(id), history.toString());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        Element tc = (Element) suite.getElementsByTagName("testcase").item(0);
        assertTrue(tc.getAttribute("name").contains("cpu fp32 lighttrack-mobile"), tc.getAttribute("name"));
        assertTrue(tc.getTextContent().contains("ratio"), tc.getTextContent());
    }

    @Test
    void aStoredBaselineIsCheckedWithoutAControlAndSaysSo() throws Exception {
        CliRun save = CliRun.of("ci", "baseline", "save", "nightly", "--device", "host", "--arch", "lighttrack-mobile",
                "--search-size", "128", "--iterations", "48", "--rounds", "12", "--warmup", "1", "--min-seconds", "0",
                "--json");
        assertEquals(0, save.exitCode(), save::toString);
        String runId = JsonMapper.MAPPER.readTree(save.out()).at("/entries/0/run_id").asText();
        assertTrue(Files.isRegularFile(BenchHome.results("runs").resolve(runId + ".json")), runId);
        assertTrue(CliRun.of("ci", "baseline", "list").out().contains("nightly:"));

        CliRun run = CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile", "--search-size",
                "128", "--baseline", "nightly", "--iterations", "48", "--rounds", "12", "--warmup", "1",
                "--min-seconds", "0", "--max-rounds", "24", "--json");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 4, run::toString);
        JsonNode r = JsonMapper.MAPPER.readTree(run.out());
        assertEquals("baseline nightly", r.get("control").asText());
        assertTrue(r.get("test").asText().contains("drift not cancelled"), r.toString());
        JsonNode first = r.at("/devices/0/first");
        assertTrue(first.get("threshold_pct").asDouble() >= 5, first.toString());
        assertEquals(1.0, first.get("ratio").asDouble(), 0.15);
        // only the treatment was measured: its runs are recorded, the baseline's run is not repeated
        for (JsonNode id : r.at("/devices/0/runs")) {
            JsonNode rec = JsonMapper.MAPPER.readTree(BenchHome.results("runs").resolve(id.asText() + ".json")
                    .toFile());
            assertEquals("treatment", rec.at("/origin/role").asText());
        }
    }

    @Test
    void badOptionsAreOneLineErrors() {
        LutCommandTest.assertOneLineExit2(CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile",
                "--baseline-arch", "lighttrack-mobile", "--threshold", "lots"), "'lots' is not a percentage");
        LutCommandTest.assertOneLineExit2(CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile",
                "--baseline", "never-saved"), "no baseline 'never-saved'");
        LutCommandTest.assertOneLineExit2(CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile",
                "--baseline", "../x"), "'../x' is not a baseline name");
        LutCommandTest.assertOneLineExit2(CliRun.of("ci", "check", "--device", "host", "--arch", "lighttrack-mobile",
                "--baseline-arch", "lighttrack-mobile", "--rounds", "3"), "must be at least 6 here");
        CliRun none = CliRun.of("ci", "check", "--device", "host");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("--baseline"), none.err());
    }
}
