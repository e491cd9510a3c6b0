package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.OpTiming;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.agents.runner.TensorInfo;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gpu backend (OpenCL; PoCL on machines without a GPU) computes what the cpu backend computes, on exported
 * LightTrack subnets, and times its kernels on the device. Tolerance: 1e-3 of each output's largest magnitude
 * (fp32).
 */
class GpuBackendAgreementTest {
    private static final double FP32_TOLERANCE = 1e-3;
    private static final RunnerOptions GPU = new RunnerOptions("gpu", 1, null, RunnerOptions.Precision.FP32);

    @TempDir
    Path dir;

    @Test
    void lightTrackMobileAgreesAndHasDeviceTimesPerOp() {
        Path model = export(ArchPresets.resolve("lighttrack-mobile"), SubnetBuilder.DEFAULT_SEARCH_SIZE,
                SubnetBuilder.DEFAULT_TEMPLATE_SIZE, "lighttrack-mobile.onnx");
        try (NativeRunner cpu = NativeRunner.open(model, RunnerOptions.cpu(2));
                NativeRunner gpu = NativeRunner.open(model, GPU)) {
            assertTrue(gpu.engine().startsWith("opencl: "), gpu.engine());
            assertAgree("lighttrack-mobile", cpu, gpu, new Random(1));

            long[] samples = gpu.run(1, 3, 0, 0);
            assertEquals(3, samples.length);
            long meanSample = 0;
            for (long s : samples) {
                meanSample += s / samples.length;
            }
            List<OpTiming> ops = gpu.opTimings();
            assertFalse(ops.isEmpty(), "the gpu backend times its kernels");
            long opSum = 0;
            for (OpTiming op : ops) {
                assertTrue(op.meanNs() > 0, op + " has no device time");
                opSum += op.meanNs();
            }
            assertTrue(opSum <= meanSample, "per-op device time " + opSum + " ns > mean inference " + meanSample + " ns");
            assertTrue(ops.stream().anyMatch(op -> op.node().equals("stem/conv")), "stem conv timed: " + ops);
        }
    }

    @Test
    void twentyRandomSubnetsAgree() {
        // Smaller inputs than the tracker's (128/64) keep PoCL's run time modest; every op and shape rule is the same.
        ArchSampler sampler = new ArchSampler(SearchSpace.MOBILE);
        Random rng = new Random(20);
        for (int i = 0; i < 20; i++) {
            Architecture arch = sampler.sample(rng);
            Path model = export(arch, 128, 64, "subnet-" + i + ".onnx");
            try (NativeRunner cpu = NativeRunner.open(model, RunnerOptions.cpu(1));
                    NativeRunner gpu = NativeRunner.open(model, GPU)) {
                assertAgree(ArchStringCodec.format(arch), cpu, gpu, new Random(i));
            }
        }
    }

    private Path export(Architecture arch, int searchSize, int templateSize, String file) {
        Path path = dir.resolve(file);
        ModelFiles.write(OnnxExporter.export(SubnetBuilder.search(arch, searchSize, templateSize), 7), path);
        return path;
    }

    private static void assertAgree(String what, NativeRunner cpu, NativeRunner gpu, Random rng) {
        List<TensorInfo> inputs = cpu.inputs();
        assertEquals(inputs, gpu.inputs());
        for (int i = 0; i < inputs.size(); i++) {
            float[] data = new float[inputs.get(i).elements()];
            for (int k = 0; k < data.length; k++) {
                data[k] = rng.nextFloat() * 2 - 1;
            }
            cpu.setInput(i, data);
            gpu.setInput(i, data);
        }
        cpu.invoke();
        gpu.invoke();
        for (int o = 0; o < cpu.outputs().size(); o++) {
            float[] want = cpu.output(o);
            float[] got = gpu.output(o);
            double diff = 0;
            double scale = 1e-6;
            for (int k = 0; k < want.length; k++) {
                diff = Math.max(diff, Math.abs((double) got[k] - want[k]));
                scale = Math.max(scale, Math.abs(want[k]));
            }
            assertTrue(diff / scale <= FP32_TOLERANCE, what + " output " + cpu.outputs().get(o).name()
                    + " differs by " + diff / scale + " of its scale " + scale);
        }
    }
}
