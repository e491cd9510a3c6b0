package dev.lighttrack.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitOrderTest {
    @Test
    void rotatingPutsEveryModelInEveryPositionOnce() {
        VisitOrder order = VisitOrder.rotating(3, 3);
        assertEquals(List.of(List.of(0, 1, 2), List.of(1, 2, 0), List.of(2, 0, 1)), order.rounds());
        assertEquals("0 1 2\n1 2 0\n2 0 1\n", order.toAgentFile());
    }

    @Test
    void reversedIsTheSameVisitsBackwardsInTime() {
        VisitOrder order = VisitOrder.shuffled(5, 4, 7);
        List<Integer> forward = order.rounds().stream().flatMap(List::stream).toList();
        List<Integer> backward = new ArrayList<>(order.reversed().rounds().stream().flatMap(List::stream).toList());
        Collections.reverse(backward);
        assertEquals(forward, backward);
        assertEquals(order, order.reversed().reversed());
    }

    @Test
    void shuffledIsSeededAndVisitsEachModelOncePerRound() {
        VisitOrder a = VisitOrder.shuffled(6, 8, 42);
        assertEquals(a, VisitOrder.shuffled(6, 8, 42));
        assertNotEquals(a, VisitOrder.shuffled(6, 8, 43));
        a.rounds().forEach(r -> assertEquals(List.of(0, 1, 2, 3, 4, 5), r.stream().sorted().toList()));
    }

    @Test
    void refusesRoundsThatSkipOrRepeatAModel() {
        assertThrows(IllegalArgumentException.class, () -> new VisitOrder(3, List.of(List.of(0, 1, 1))));
        assertThrows(IllegalArgumentException.class, () -> new VisitOrder(3, List.of(List.of(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> VisitOrder.rotating(3, 2).requireFits(3, 3));
        assertThrows(IllegalArgumentException.class, () -> VisitOrder.rotating(3, 2).requireFits(2, 2));
    }
}
