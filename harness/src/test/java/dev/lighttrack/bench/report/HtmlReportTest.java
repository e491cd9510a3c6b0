package dev.lighttrack.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.history.ChangePointDetector;
import dev.lighttrack.bench.history.CheckEntry;
import dev.lighttrack.bench.history.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    static HistoryEntry run(int i, String model, double p50Us, String checkId, String role) {
        return new HistoryEntry("r" + i, String.format("2026-12-01T10:%02d:00Z", i), "c" + i, "bench", checkId,
                role, null, "host", "host", "AMD EPYC", false, "cpu", "fp32", model, "ab", "0.1.0", p50Us, null, null,
                1e6 / p50Us, "missing-" + i + ".json");
    }

    @Test
    void eachSeriesIsDrawnWithItsPointsItsChangeAndItsFailedCheck() throws Exception {
        List<HistoryEntry> runs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double level = i < 12 ? 6000 : 6600; // a 10% slow-down at run 12
            runs.add(run(i, "m1", level * (1 + 0.002 * ((i * 7) % 5 - 2)), i == 20 ? "chk" : null,
                    i == 20 ? "treatment" : null));
        }
        runs.add(run(30, "<script>alert(1)</script>", 5000, null, null));
        List<CheckEntry> checks = List.of(new CheckEntry("chk", "2026-12-01T10:20:00Z", "c20", "host", "host", "cpu",
                "fp32", "old", "m1", "regression", 1.1, 1.08, 1.12, 0.001, 10, 5));
        HtmlReport.Result r = HtmlReport.write(dir, "history.sqlite", runs, checks, dir.resolve("none"),
                new ChangePointDetector(3, 0.001, 0));
        assertEquals(2, r.series());
        String html = Files.readString(r.index());
        assertEquals(25, count(html, "<circle class=\"point\""));
        assertEquals(1, count(html, "<line class=\"change\""), "the step at run 12");
        assertEquals(1, count(html, "<path class=\"failed-check\""));
        assertTrue(html.contains("change at run 12 "), html);
        assertTrue(html.contains("class=\"decision-regression\">regression"), html);
        // names are data, never markup
        assertFalse(html.contains("<script>alert(1)</script>"), "escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // nothing from elsewhere: no http(s) URL in any attribute
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(html).find());
        assertTrue(html.contains("its run record (missing-30.json) is not in"), "a missing record is said");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
