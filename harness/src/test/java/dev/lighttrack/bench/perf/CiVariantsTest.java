package dev.lighttrack.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchStringCodec;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiVariantsTest {
    @Test
    void candidatesAreDistinctMutantsSpreadOverMoreMacs() {
        List<CiVariants.Candidate> c = CiVariants.candidates(ArchPresets.resolve("lighttrack-mobile"), 256, 16, 1);
        assertEquals(16, c.size());
        assertEquals(16, new HashSet<>(c.stream().map(x -> ArchStringCodec.format(x.arch())).toList()).size());
        for (int i = 0; i < c.size(); i++) {
            assertTrue(c.get(i).macsRatio() > 1 && c.get(i).macsRatio() <= CiVariants.MAX_MACS_RATIO, c.toString());
            assertTrue(i == 0 || c.get(i).macsRatio() >= c.get(i - 1).macsRatio(), "sorted by MACs ratio");
        }
        // spread: from a few percent to nearly a quarter more
        assertTrue(c.get(0).macsRatio() < 1.03 && c.get(15).macsRatio() > 1.2, c.toString());
        assertEquals(c, CiVariants.candidates(ArchPresets.resolve("lighttrack-mobile"), 256, 16, 1), "seeded");
    }
}
