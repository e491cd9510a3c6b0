package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LineSplitterTest {
    @Test
    void keepsMultiByteCharactersSplitAcrossChunks() {
        List<String> lines = new ArrayList<>();
        Utf8LineSplitter splitter = new Utf8LineSplitter(lines::add);
        byte[] bytes = "{\"µs\":\"✓\"}\r\nzweite Zeile ü\nrest".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            splitter.accept(new byte[] {b}, 0, 1);
        }
        splitter.finish();
        assertEquals(List.of("{\"µs\":\"✓\"}", "zweite Zeile ü", "rest"), lines);
    }
}
