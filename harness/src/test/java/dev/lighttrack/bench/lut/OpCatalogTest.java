package dev.lighttrack.bench.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpCatalogTest {
    @Test
    void catalogCoversEveryOpOfThousandsOfSampledArchs() {
        for (int size : new int[] {256, 288}) {
            for (SearchSpace space : List.of(SearchSpace.MOBILE, SearchSpace.LARGE)) {
                Map<OpSignature, LutOp> catalog = OpCatalog.enumerate(space, size, 128);
                Set<OpSignature> used = new HashSet<>();
                ArchSampler sampler = new ArchSampler(space);
                Random rng = new Random(size + space.backboneBudgetMacsM());
                for (int i = 0; i < 3000; i++) {
                    Architecture a = sampler.sample(rng);
                    for (LutOp op : ArchDecomposer.decompose(SubnetBuilder.search(a, size, 128))) {
                        assertTrue(catalog.containsKey(op.signature()), "missing " + op.signature() + " of " + a);
                        used.add(op.signature());
                    }
                }
                // every catalog entry is reachable: sampling thousands of archs uses all of them
                assertEquals(catalog.keySet(), used, "catalog has entries no arch uses");
            }
        }
    }

    @Test
    void decompositionCostsAddUpToTheSubnet() {
        Subnet s = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128);
        long macs = ArchDecomposer.decompose(s).stream().mapToLong(op -> op.cost().macs()).sum();
        assertEquals(s.cost().macs(), macs);
    }
}
