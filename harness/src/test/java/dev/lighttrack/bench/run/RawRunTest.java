package dev.lighttrack.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.DeviceBusyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawRunTest {
    private static final RoundCondition COOL = new RoundCondition(
            new TargetConditions(Map.of("cpu", 40.0), Map.of()), 0.5, List.of());
    private static final RoundCondition HOT = new RoundCondition(
            new TargetConditions(Map.of("cpu", 48.0), Map.of()), 0.5, List.of("cpu 48.0 °C >= 45.0 °C"));

    private static RawRun threeRounds() {
        return new RawRun(new long[] {10, 11, 20, 21, 30, 31}, List.of(), "0.1.0", "test", 1, "ab", 1L, 9L,
                new int[] {2, 2, 2});
    }

    @Test
    void aRoundBegunTooHotIsNotMixedIn() {
        RawRun kept = threeRounds().withRoundConditions(List.of(COOL, HOT, COOL), "phone");
        assertArrayEquals(new long[] {10, 11, 30, 31}, kept.samplesNs());
        assertArrayEquals(new int[] {2, 2}, kept.roundSizes());
        assertEquals(1, kept.excludedRounds());
        assertEquals(List.of(COOL, HOT, COOL), kept.roundConditions());
    }

    @Test
    void everyRoundTooHotIsAnErrorNotAnEmptyRun() {
        DeviceBusyException e = assertThrows(DeviceBusyException.class,
                () -> threeRounds().withRoundConditions(List.of(HOT, HOT, HOT), "phone"));
        assertTrue(e.getMessage().contains("phone was too hot as every round began (cpu 48.0"), e.getMessage());
    }

    @Test
    void appendKeepsEveryRoundsConditionsInOrder() {
        RawRun a = threeRounds().withRoundConditions(List.of(COOL, HOT, COOL), "phone");
        RawRun b = threeRounds().withRoundConditions(List.of(HOT, COOL, COOL), "phone");
        RawRun both = a.append(b);
        assertEquals(List.of(COOL, HOT, COOL, HOT, COOL, COOL), both.roundConditions());
        assertEquals(4, both.roundSizes().length);
        assertEquals(2, both.excludedRounds());
    }

    @Test
    void conditionsMustCoverEveryRound() {
        assertThrows(IllegalArgumentException.class, () -> threeRounds().withRoundConditions(List.of(COOL), "x"));
    }
}
