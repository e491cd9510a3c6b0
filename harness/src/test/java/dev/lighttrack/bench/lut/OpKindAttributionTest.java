package dev.lighttrack.bench.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpKindAttributionTest {
    @Test
    void recoversHowMuchMoreTheGraphPaysPerKind() {
        // a graph that pays 1.5x for its IR blocks, 1x for tower layers, and a fixed 2 ms besides the constant stem
        Random rng = new Random(3);
        List<List<LatencyPredictor.Term>> terms = new ArrayList<>();
        double[] measured = new double[40];
        for (int i = 0; i < measured.length; i++) {
            double ir = 1000 + rng.nextInt(3000);
            double tower = 500 + rng.nextInt(1000);
            terms.add(List.of(new LatencyPredictor.Term("stem", "stem@3x256x256->16x128x128", 300),
                    new LatencyPredictor.Term("b1", "ir_k5e4_s1@24x64x64->24x64x64", ir),
                    new LatencyPredictor.Term("cls0", "dsconv3_128@96x16x16->128x16x16", tower)));
            measured[i] = 300 + 2000 + 1.5 * ir + tower;
        }
        OpKindAttribution.Result r = OpKindAttribution.of(terms, measured);
        assertEquals(List.of("stem+ds", "ir k5", "tower dsconv3"), r.kinds().stream().map(OpKindAttribution.Kind::kind).toList());
        assertNull(r.kinds().get(0).factor());
        assertEquals(1.5, r.kinds().get(1).factor(), 1e-6);
        assertEquals(1.0, r.kinds().get(2).factor(), 1e-6);
        assertEquals(2300, r.interceptUs(), 1e-3);
    }

    @Test
    void tooFewSubnetsGiveNoFactors() {
        List<List<LatencyPredictor.Term>> terms = List.of(
                List.of(new LatencyPredictor.Term("b1", "ir_k5e4_s1@24x64x64->24x64x64", 1)),
                List.of(new LatencyPredictor.Term("b1", "ir_k5e4_s1@24x64x64->24x64x64", 2)));
        OpKindAttribution.Result r = OpKindAttribution.of(terms, new double[] {1, 2});
        assertNull(r.interceptUs());
        assertNull(r.kinds().get(0).factor());
    }
}
