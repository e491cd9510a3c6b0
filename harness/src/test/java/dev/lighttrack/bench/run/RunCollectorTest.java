package dev.lighttrack.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's lines of an interleaved run (--rounds) become one run per model, with its rounds. */
class RunCollectorTest {
    private static String header(String model) {
        return "{\"type\":\"header\",\"model\":\"" + model + "\",\"protocol_version\":1,\"runner_version\":\"0.1.0\","
                + "\"engine\":\"x\",\"backend\":\"cpu\",\"model_sha256\":\"ab\",\"load_ns\":5}";
    }

    private static String samples(String model, int round, int offset, String ns) {
        return "{\"type\":\"samples\",\"model\":\"" + model + "\",\"offset\":" + offset + ",\"round\":" + round
                + ",\"ns\":[" + ns + "]}";
    }

    private static String summary(String model) {
        return "{\"type\":\"summary\",\"model\":\"" + model + "\",\"iterations\":4,\"first_inference_ns\":9}";
    }

    @Test
    void interleavedModelsAreCollectedApartWithTheirRounds() {
        List<RawRun> runs = new ArrayList<>();
        RunCollector c = new RunCollector("test", m -> m, runs::add);
        List.of(header("a"), header("b"),
                samples("a", 0, 0, "10,11"), samples("b", 0, 0, "20,21"),
                samples("b", 1, 2, "22"), samples("b", 1, 3, "23"), samples("a", 1, 2, "12,13"),
                summary("a"), summary("b")).forEach(c);
        c.finish(0, "", 2);
        assertEquals(2, runs.size());
        assertArrayEquals(new long[] {10, 11, 12, 13}, runs.get(0).samplesNs());
        assertArrayEquals(new int[] {2, 2}, runs.get(0).roundSizes());
        // one round may come in several samples lines (--batch-size)
        assertArrayEquals(new long[] {20, 21, 22, 23}, runs.get(1).samplesNs());
        assertArrayEquals(new int[] {2, 2}, runs.get(1).roundSizes());
        assertArrayEquals(new long[] {22, 23}, runs.get(1).rounds().get(1));
    }

    @Test
    void aRunInOneBlockIsOneRound() {
        List<RawRun> runs = new ArrayList<>();
        RunCollector c = new RunCollector("test", m -> m, runs::add);
        List.of(header("m"), "{\"type\":\"samples\",\"model\":\"m\",\"offset\":0,\"ns\":[5,6,7]}", summary("m"))
                .forEach(c);
        assertArrayEquals(new int[] {3}, runs.get(0).roundSizes());
    }
}
