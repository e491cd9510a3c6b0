package dev.lighttrack.bench.agents.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeRunnerTest {
    @TempDir
    Path dir;

    @Test
    void opensRunsAndDescribesTheModel() throws Exception {
        Path model = TestModels.convBnSe(dir);
        try (NativeRunner r = NativeRunner.open(model, RunnerOptions.cpu(1))) {
            assertEquals(List.of(new TensorInfo("x", new long[] {1, 3, 8, 8})), r.inputs());
            assertEquals(List.of(new TensorInfo("y", new long[] {1, 4, 8, 8})), r.outputs());
            assertTrue(r.engine().startsWith("xnnpack "), r.engine());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
            assertEquals(sha, r.modelSha256());
            assertTrue(r.loadNs() > 0);
            long[] ns = r.run(3, 25, 0, 0);
            assertEquals(25, ns.length);
            for (long v : ns) {
                assertTrue(v > 0, "sample " + v);
            }
            assertTrue(r.firstInferenceNs() > 0);
            long sum = 0;
            for (long v : ns) {
                sum += v;
            }
            assertTrue(r.lastRunWallNs() >= sum, "wall " + r.lastRunWallNs() + " < sum of samples " + sum);
            assertTrue(r.opTimings().isEmpty(), "the cpu backend has no per-op times");
            assertEquals(NativeRunner.version(), "0.1.0");
        }
    }

    @Test
    void minSecondsKeepsRunningPastTheIterations() throws Exception {
        try (NativeRunner r = NativeRunner.open(TestModels.convBnSe(dir), RunnerOptions.cpu(1))) {
            long t0 = System.nanoTime();
            long[] ns = r.run(0, 1, 0.05, 0);
            assertTrue(System.nanoTime() - t0 >= 50_000_000L);
            assertTrue(ns.length > 1, "only " + ns.length + " samples in 50 ms");
        }
    }

    @Test
    void outputsFollowInputsAndAgreeAcrossThreadCounts() throws Exception {
        Path model = TestModels.convBnSe(dir);
        float[] in = new float[3 * 8 * 8];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i * 0.37);
        }
        try (NativeRunner one = NativeRunner.open(model, RunnerOptions.cpu(1).withCpus("0"));
             NativeRunner two = NativeRunner.open(model, RunnerOptions.cpu(2))) {
            one.setInput(0, in);
            one.invoke();
            float[] a = one.output(0);
            two.setInput(0, in);
            two.invoke();
            assertArrayEquals(a, two.output(0), 1e-5f);
            in[5] += 1;
            one.setInput(0, in);
            one.invoke();
            assertFalse(java.util.Arrays.equals(a, one.output(0)), "changing the input must change the output");
            for (float v : a) {
                // Clip(0,6) then a sigmoid gate in (0,1): every output lies in [0, 6]
                assertTrue(v >= 0 && v <= 6, "output " + v);
            }
        }
    }

    @Test
    void badInputsGiveTheRunnersStatus() throws Exception {
        Path model = TestModels.convBnSe(dir);
        RunnerError e = assertThrows(RunnerError.class,
                () -> NativeRunner.open(dir.resolve("missing.onnx"), RunnerOptions.cpu(1)));
        assertEquals(RunnerStatus.MODEL.protocolName(), e.code());
        assertTrue(e.getMessage().contains("missing.onnx"), e.getMessage());

        e = assertThrows(RunnerError.class, () -> NativeRunner.open(model,
                new RunnerOptions("npu", 1, null, RunnerOptions.Precision.FP32)));
        assertEquals(RunnerStatus.USAGE.protocolName(), e.code());
        assertTrue(e.getMessage().contains("unknown backend 'npu'"), e.getMessage());

        e = assertThrows(RunnerError.class, () -> NativeRunner.open(model, RunnerOptions.cpu(1).withCpus("2-1")));
        assertEquals(RunnerStatus.USAGE.protocolName(), e.code());

        e = assertThrows(RunnerError.class, () -> NativeRunner.open(model, RunnerOptions.cpu(2).withCpus("0")));
        assertEquals(RunnerStatus.USAGE.protocolName(), e.code());
        assertTrue(e.getMessage().contains("2 threads need at least 2 cpus"), e.getMessage());

        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7});
        e = assertThrows(RunnerError.class, () -> NativeRunner.open(garbage, RunnerOptions.cpu(1)));
        assertEquals(RunnerStatus.MODEL.protocolName(), e.code());

        try (NativeRunner r = NativeRunner.open(model, RunnerOptions.cpu(1))) {
            e = assertThrows(RunnerError.class, () -> r.setInput(0, new float[7]));
            assertEquals(RunnerStatus.USAGE.protocolName(), e.code());
            assertTrue(e.getMessage().contains("192"), e.getMessage());
            e = assertThrows(RunnerError.class, () -> r.run(-1, 5, 0, 0));
            assertEquals(RunnerStatus.USAGE.protocolName(), e.code());
            r.close();
            assertThrows(IllegalStateException.class, () -> r.run(0, 1, 0, 0));
        }
    }
}
