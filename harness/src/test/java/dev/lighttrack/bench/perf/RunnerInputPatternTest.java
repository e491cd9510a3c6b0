package dev.lighttrack.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.export.ModelFiles;
import dev.lighttrack.bench.export.OnnxExporter;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime must compute on the very data the runner fills its inputs with, or the comparison is unfair. */
class RunnerInputPatternTest {
    @TempDir
    Path work;

    @Test
    void onnxRuntimeOnThePatternGivesTheRunnersOutput() throws Exception {
        assertTrue(getClass().getClassLoader().getResource("linux-x86-64/libltrunner.so") != null,
                "libltrunner.so is not built (native module)");
        NetUnit stem = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128).units().get(0);
        Path model = work.resolve("stem.onnx");
        ModelFiles.write(OnnxExporter.exportUnits("stem", List.of(stem), 3), model);

        float[] runnerOut;
        try (NativeRunner runner = NativeRunner.open(model, RunnerOptions.cpu(1))) {
            runner.invoke(); // with the inputs the runner filled at open
            runnerOut = runner.output(0);
        }
        float[] ortOut;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] in = new RunnerInputPattern().next((int) stem.input().elements());
        try (OrtSession session = env.createSession(model.toString());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(in),
                     new long[] {1, stem.input().channels(), stem.input().height(), stem.input().width()});
             OrtSession.Result r = session.run(Map.of("x", t))) {
            ortOut = flatten((OnnxTensor) r.get(0));
        }
        assertEquals(runnerOut.length, ortOut.length);
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < runnerOut.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(ortOut[i]));
            maxDiff = Math.max(maxDiff, Math.abs(runnerOut[i] - ortOut[i]));
        }
        assertTrue(maxAbs > 0, "the output is all zeros: nothing compared");
        assertTrue(maxDiff <= 1e-3 * maxAbs, "runner and ONNX Runtime differ by " + maxDiff + " (max |y| " + maxAbs + ")");
    }

    private static float[] flatten(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }
}
