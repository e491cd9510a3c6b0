package dev.lighttrack.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
    @TempDir
    Path dir;

    @Test
    void writesPngAndSvg() throws Exception {
        double[] m = {10, 12, 15, 20, 22};
        double[] p = {10.5, 11.5, 16, 19, 23};
        Path png = dir.resolve("s.png");
        ScatterPlot.write(png, "test", m, p);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        Path svg = dir.resolve("s.svg");
        ScatterPlot.write(svg, "test", m, p);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.write(dir.resolve("s.gif"), "t", m, p));
    }
}
