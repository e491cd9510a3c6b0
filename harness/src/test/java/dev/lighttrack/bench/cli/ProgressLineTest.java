package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void etaIsTheMeanTimePerModelOfThisRunTimesTheModelsLeft() {
        ProgressLine p = new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false);
        p.planned("ops", 100, 40);
        // 20 measured in this run in 60 s: 3 s each, 40 left
        String line = p.render(60, 100, 60_000_000_000L);
        assertTrue(line.startsWith("bench: ops [==================>           ] 60/100"), line);
        assertTrue(line.endsWith("ETA 2m00s"), line);
        assertTrue(p.render(100, 100, 3_700_000_000_000L).endsWith("in 1h01m"));
    }

    @Test
    void withoutATerminalItPrintsALinePerTenth() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine p = new ProgressLine(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        p.planned("ops", 50, 0);
        for (int i = 1; i <= 50; i++) {
            p.measured("m" + i, i, 50);
        }
        long lines = out.toString(StandardCharsets.UTF_8).lines().count();
        assertEquals(1 + 10, lines, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPlanNeverAnnouncedIsTimedFromTheBarsCreationNotFromTheJvmsClockOrigin() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine p = new ProgressLine(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        p.measured("control", 1, 2);
        p.measured("treatment", 2, 2);
        String text = out.toString(StandardCharsets.UTF_8);
        // it once said "ETA 1h30m" and "in 1h30m" for two models measured in seconds
        assertTrue(text.contains("ETA 0s") && !text.matches("(?s).*\\d+h\\d\\dm.*"), text);
    }
}
