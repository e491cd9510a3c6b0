package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.agents.runner.TensorInfo;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import dev.lighttrack.bench.device.deploy.AgentBinary;
import dev.lighttrack.bench.device.deploy.AgentFile;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arm64-v8a agent bundle, run as a phone runs it (its own loader) under qemu-aarch64, called explicitly, since
 * binfmt_misc may not be registered: on exported LightTrack models its outputs agree with ONNX Runtime and with
 * this host's build (OutputAgreement's tolerances). The bundle is the one packaged for devices.
 */
class Arm64AgreementTest {
    @TempDir
    Path dir;

    @Test
    void theArm64BundleUnderQemuAgreesWithOnnxRuntimeAndTheHostBuild() throws Exception {
        AgentBinary agent = AgentBinaries.fromClasspath().forAbi("arm64-v8a");
        assertTrue(agent.isBundle(), "the arm64-v8a agent is a bundle with its own loader");
        for (AgentFile f : agent.files()) {
            if ((f.mode() & 0100) != 0) {
                assertTrue(f.local().toFile().setExecutable(true, true), f.path());
            }
        }
        List<Subnet> subnets = new ArrayList<>();
        subnets.add(SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 128, 128));
        Random rng = new Random(64);
        for (int i = 0; i < 3; i++) {
            // small search crops: every inference is emulated, about 100x slower than native
            subnets.add(SubnetBuilder.search(new ArchSampler(i % 2 == 0 ? SearchSpace.MOBILE : SearchSpace.LARGE)
                    .sample(rng), 96, 128));
        }
        try (OrtEnvironment env = OrtEnvironment.getEnvironment()) {
            for (int i = 0; i < subnets.size(); i++) {
                Path model = dir.resolve("subnet" + i + ".onnx");
                ModelFiles.write(OnnxExporter.export(subnets.get(i), 300 + i), model);
                try (NativeRunner host = NativeRunner.open(model, RunnerOptions.cpu(1))) {
                    Map<String, float[]> inputs = randomInputs(host.inputs(), new Random(i));
                    int k = 0;
                    for (float[] x : inputs.values()) {
                        host.setInput(k++, x);
                    }
                    host.invoke();
                    Map<String, float[]> hostOutputs = new LinkedHashMap<>();
                    for (int o = 0; o < host.outputs().size(); o++) {
                        hostOutputs.put(host.outputs().get(o).name(), host.output(o));
                    }
                    Map<String, float[]> arm64 = runArm64(agent, model, inputs, host.outputs(), i);
                    OutputAgreement.compare(model, arm64, onnxRuntime(env, model, inputs, host.inputs()), "onnxruntime");
                    OutputAgreement.compare(model, arm64, hostOutputs, "the x86_64 build");
                }
            }
        }
    }

    private static Map<String, float[]> randomInputs(List<TensorInfo> infos, Random rng) {
        Map<String, float[]> inputs = new LinkedHashMap<>();
        for (TensorInfo in : infos) {
            float[] x = new float[in.elements()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            inputs.put(in.name(), x);
        }
        return inputs;
    }

    private Map<String, float[]> runArm64(AgentBinary agent, Path model, Map<String, float[]> inputs,
                                          List<TensorInfo> outputs, int index) throws Exception {
        Path in = dir.resolve("in" + index + ".f32");
        Path out = dir.resolve("out" + index + ".f32");
        int total = inputs.values().stream().mapToInt(x -> x.length).sum();
        ByteBuffer bytes = ByteBuffer.allocate(total * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] x : inputs.values()) {
            for (float v : x) {
                bytes.putFloat(v);
            }
        }
        Files.write(in, bytes.array());
        List<String> command = new ArrayList<>(List.of("qemu-aarch64"));
        command.addAll(agent.command(agent.file().getParent().toString()));
        command.addAll(List.of("--model", model.toString(), "--backend", "cpu", "--inputs", in.toString(),
                "--outputs", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the emulated run took over 2 minutes");
        assertEquals(0, p.exitValue(), "arm64 ltrunner under qemu: " + log);
        assertTrue(log.contains("\"type\":\"outputs\""), log);
        FloatBuffer values = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        Map<String, float[]> result = new LinkedHashMap<>();
        for (TensorInfo o : outputs) {
            float[] v = new float[o.elements()];
            values.get(v);
            result.put(o.name(), v);
        }
        assertEquals(0, values.remaining(), "the arm64 agent wrote more values than the outputs hold");
        return result;
    }

    private static Map<String, float[]> onnxRuntime(OrtEnvironment env, Path model, Map<String, float[]> inputs,
                                                    List<TensorInfo> infos) throws Exception {
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        Map<String, float[]> reference = new LinkedHashMap<>();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            for (TensorInfo in : infos) {
                feeds.put(in.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs.get(in.name())), in.shape()));
            }
            try (OrtSession.Result r = s.run(feeds)) {
                for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
                    FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                    float[] v = new float[fb.remaining()];
                    fb.get(v);
                    reference.put(e.getKey(), v);
                }
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
        return reference;
    }
}
