package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Runs one model in our runner and in ONNX Runtime on the same random input and compares every output.
 *
 * <p>Agreement is relative: |ours - ort| <= 1e-3 * max(|ort|, scale), where scale is 10% of the output's largest
 * magnitude. Every element of at least a tenth of the largest is held to 1e-3 relative; smaller ones to 1e-4 of
 * the largest, because float32 rounding in a deep net is proportional to the magnitudes being summed, which are
 * those of the whole output, not of one small element (a sum of large terms that nearly cancel). Measured on
 * the 22 LightTrack models of RunnerAgreementTest: worst difference 1.7e-5 of the largest magnitude, worst
 * relative difference 1e-4 on elements above a tenth of it.
 */
final class OutputAgreement {
    static final double RELATIVE = 1e-3;
    static final double SCALE_FRACTION = 0.1;

    private OutputAgreement() {
    }

    /** The worst error as a fraction of the allowed error, over all outputs; fails naming the element. */
    static double check(OrtEnvironment env, Path model, NativeRunner ours, long seed) throws Exception {
        Random rng = new Random(seed);
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        Map<String, float[]> reference = new LinkedHashMap<>();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            for (int k = 0; k < ours.inputs().size(); k++) {
                TensorInfo in = ours.inputs().get(k);
                float[] x = new float[in.elements()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextGaussian();
                }
                ours.setInput(k, x);
                feeds.put(in.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(x), in.shape()));
            }
            ours.invoke();
            OrtSession.Result r = s.run(feeds);
            for (TensorInfo o : ours.outputs()) {
                OnnxTensor ot = (OnnxTensor) r.get(o.name()).orElseThrow();
                FloatBuffer fb = ot.getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                reference.put(o.name(), v);
            }
            r.close();
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
        Map<String, float[]> mine = new LinkedHashMap<>();
        for (int k = 0; k < ours.outputs().size(); k++) {
            mine.put(ours.outputs().get(k).name(), ours.output(k));
        }
        return compare(model, mine, reference, "onnxruntime");
    }

    /** The worst error as a fraction of the allowed error, {@code ours} against {@code reference}, output by output. */
    static double compare(Path model, Map<String, float[]> ours, Map<String, float[]> reference, String referenceName) {
        double worst = 0;
        for (Map.Entry<String, float[]> output : ours.entrySet()) {
            String name = output.getKey();
            float[] a = output.getValue();
            float[] b = reference.get(name);
            assertEquals(b.length, a.length, name + " size");
            double max = 0;
            for (float v : b) {
                max = Math.max(max, Math.abs(v));
            }
            if (!(max > 0)) {
                throw new AssertionError(model.getFileName() + " output " + name + " is all zero in " + referenceName
                        + ": the comparison would prove nothing");
            }
            double scale = SCALE_FRACTION * max;
            for (int i = 0; i < a.length; i++) {
                double allowed = RELATIVE * Math.max(Math.abs(b[i]), scale);
                double err = Math.abs(a[i] - b[i]);
                if (!(err <= allowed)) {
                    throw new AssertionError(model.getFileName() + " output " + name + "[" + i + "]: ours " + a[i]
                            + ", " + referenceName + " " + b[i] + " (allowed difference " + allowed + ", output max " + max + ")");
                }
                worst = Math.max(worst, allowed > 0 ? err / allowed : 0);
            }
        }
        return worst;
    }
}
