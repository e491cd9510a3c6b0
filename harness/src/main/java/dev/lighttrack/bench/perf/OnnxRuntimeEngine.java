package dev.lighttrack.bench.perf;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lighttrack.bench.errors.BenchException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX Runtime's CPU execution provider through its Java API: intra-op threads as asked, inter-op 1, sequential
 * execution, all graph optimizations. Inputs are created once; each sample is {@link System#nanoTime()} around
 * {@code session.run}, which includes allocating the outputs (as ONNX Runtime's own perf test does).
 */
final class OnnxRuntimeEngine implements PerfEngine {
    static final String ID = "onnxruntime";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

    OnnxRuntimeEngine(Path model, int threads) {
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.toString(), options);
            RunnerInputPattern pattern = new RunnerInputPattern();
            for (NodeInfo in : session.getInputInfo().values()) {
                inputs.put(in.getName(), tensorFor(in, pattern));
            }
        } catch (OrtException e) {
            close();
            throw BenchException.badInput("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "onnxruntime " + env.getVersion() + " (Java API, CPU execution provider)";
    }

    @Override
    public RoundSamples measure(int warmup, int iterations) {
        try {
            for (int i = 0; i < warmup; i++) {
                session.run(inputs).close();
            }
            long[] samples = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                OrtSession.Result result = session.run(inputs);
                samples[i] = System.nanoTime() - start;
                result.close();
            }
            return new RoundSamples(samples, -1);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        inputs.clear();
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // closing frees native memory only; nothing a caller could do about a failure
            }
        }
    }

    private OnnxTensor tensorFor(NodeInfo in, RunnerInputPattern pattern) throws OrtException {
        if (!(in.getInfo() instanceof TensorInfo t) || t.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw BenchException.badInput("model input '" + in.getName() + "' is " + in.getInfo()
                    + "; bench perf runner needs float32 tensor inputs");
        }
        long[] shape = t.getShape();
        long elements = 1;
        for (long d : shape) {
            if (d < 1) {
                throw BenchException.badInput("model input '" + in.getName() + "' has a dynamic shape "
                        + Arrays.toString(shape) + "; bench perf runner needs static shapes");
            }
            elements *= d;
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(pattern.next(Math.toIntExact(elements))), shape);
    }
}
