package dev.lighttrack.bench.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchStringCodecTest {
    @Test
    void decodesLightTrackMobile() {
        Architecture a = ArchStringCodec.parse(ArchPresets.LIGHTTRACK_MOBILE);
        assertEquals(SearchSpace.MOBILE, a.space());
        assertEquals(List.of(BlockChoice.K7_E4, BlockChoice.K7_E6), a.stages().get(0));
        assertEquals(List.of(BlockChoice.K3_E4, BlockChoice.K5_E4, BlockChoice.K7_E6, BlockChoice.K3_E6), a.stages().get(1));
        assertEquals(256, a.cls().width());
        assertEquals(192, a.reg().width());
        assertEquals(List.of(HeadLayerChoice.DSCONV5, HeadLayerChoice.DSCONV5, HeadLayerChoice.DSCONV3,
                HeadLayerChoice.DSCONV3, HeadLayerChoice.DSCONV3, HeadLayerChoice.DSCONV3, HeadLayerChoice.SKIP,
                HeadLayerChoice.SKIP), a.cls().layers());
        assertEquals(new OutputPosition(3, 2), a.output());
        assertEquals(3, a.usedStages().get(3).size());
    }

    @Test
    void roundTripsThousandsOfSamplesOfBothBudgets() {
        Random rng = new Random(42);
        for (SearchSpace space : List.of(SearchSpace.MOBILE, SearchSpace.LARGE)) {
            ArchSampler sampler = new ArchSampler(space);
            for (int i = 0; i < 3000; i++) {
                Architecture a = sampler.sample(rng);
                String s = ArchStringCodec.format(a);
                assertEquals(space.backboneDigits(), s.substring(5, s.indexOf('+')).length());
                Architecture back = ArchStringCodec.parse(s);
                assertEquals(a, back);
                assertEquals(s, ArchStringCodec.format(back));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "bac_04502514044521042540+cls_211000022+reg_100000111_ops_32|1|'bac_0'|'back_'",
        "back_0450251404452104254+cls_211000022+reg_100000111_ops_32|6|19 backbone digits|20",
        "back_04502514044521042590+cls_211000022+reg_100000111_ops_32|24|'9'|block choice 0-5",
        "back_14502514044521042540+cls_211000022+reg_100000111_ops_32|6|'1'|fixed DS stage",
        "back_04502514044521042540+cls_221000022+reg_100000111_ops_32|32|'2'|may not be skip",
        "back_04502514044521042540+cls_211000022+reg_100000111_ops_42|59|'4'|output stage 1, 2 or 3",
        "back_04502514044521042540+cls_211000022+reg_100000111_ops_34|60|'4'|output block 0-3",
        "back_04502514044521042540+cls_211000022+reg_100000111_ops_32x|61|'x'|end of the string",
        "back_04502514044521042540+cls_211000022+reg_100000111|54|the end of the string|'_ops_'",
    })
    void malformedStringsNamePositionFoundAndExpected(String arch, int position, String found, String expected) {
        ArchParseException e = assertThrows(ArchParseException.class, () -> ArchStringCodec.parse(arch));
        assertTrue(e.getMessage().contains("position " + position + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("found " + found), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(position - 1, e.position());
    }

    @Test
    void stride8OutputOfTheTwoBlockStageIsRejectedPastItsDepth() {
        // ops_0x (c24) is never an output; c40 has four blocks, so ops_13 is fine.
        assertThrows(ArchParseException.class, () -> ArchStringCodec.parse(ArchPresets.LIGHTTRACK_MOBILE.replace("_ops_32", "_ops_01")));
        assertEquals(new OutputPosition(1, 3),
                ArchStringCodec.parse(ArchPresets.LIGHTTRACK_MOBILE.replace("_ops_32", "_ops_13")).output());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        BenchException e = assertThrows(BenchException.class, () -> ArchPresets.resolve("lighttrack-large"));
        assertTrue(e.getMessage().contains("lighttrack-mobile"), e.getMessage());
    }
}
