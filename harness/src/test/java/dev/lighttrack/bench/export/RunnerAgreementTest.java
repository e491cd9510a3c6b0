package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtEnvironment;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchSampler;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our cpu runner against ONNX Runtime on exported LightTrack models: outputs cls and reg agree (OutputAgreement). */
class RunnerAgreementTest {
    @TempDir
    Path dir;

    @Test
    void lightTrackMobileAtBothSearchSizesAndTwentyRandomSubnetsMatchOnnxRuntime() throws Exception {
        List<Subnet> subnets = new ArrayList<>();
        subnets.add(SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128));
        subnets.add(SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 288, 128));
        Random rng = new Random(20);
        for (int i = 0; i < 20; i++) {
            // Which ops and shapes of channels/kernels a subnet has does not depend on the search size; 160 instead
            // of 256 keeps 20 subnets in two runtimes fast.
            subnets.add(SubnetBuilder.search(new ArchSampler(i % 2 == 0 ? SearchSpace.MOBILE : SearchSpace.LARGE).sample(rng),
                    160, 128));
        }
        try (OrtEnvironment env = OrtEnvironment.getEnvironment()) {
            for (int i = 0; i < subnets.size(); i++) {
                Path file = dir.resolve("subnet" + i + ".onnx");
                ModelFiles.write(OnnxExporter.export(subnets.get(i), 100 + i), file);
                try (NativeRunner r = NativeRunner.open(file, RunnerOptions.cpu(2))) {
                    assertEquals(List.of("cls", "reg"), r.outputs().stream().map(o -> o.name()).toList());
                    OutputAgreement.check(env, file, r, i);
                }
            }
        }
    }
}
