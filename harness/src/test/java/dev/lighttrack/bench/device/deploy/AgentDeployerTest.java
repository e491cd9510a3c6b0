package dev.lighttrack.bench.device.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.AdbFilePusher;
import dev.lighttrack.bench.device.FilePusher;
import dev.lighttrack.bench.device.VirtualDeviceTestBase;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.Sha256;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Content-addressed deployment to a virtual device through the real adb server (dadb sync push). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentDeployerTest extends VirtualDeviceTestBase {
    @TempDir
    Path work;

    private ContentFile file(String name, byte[] content) throws Exception {
        Path path = work.resolve(name);
        Files.write(path, content);
        return new ContentFile(path, Sha256.of(path));
    }

    private AgentBinary agent() throws Exception {
        ContentFile f = file("agent", "#!/bin/sh\necho agent\n".getBytes());
        return new AgentBinary("x86_64", f.local(), f.sha256());
    }

    private Path deployDir() {
        return device.sandbox().resolve("data/local/tmp/ltbench");
    }

    @Test
    void pushesByContentOnceAndMakesTheAgentExecutable() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(big);
        ContentFile model = file("a b;touch pwned'.onnx", big);
        List<String> pushed = new ArrayList<>();
        AdbFilePusher adbPusher = new AdbFilePusher(server.address(), device.serial());
        FilePusher counting = (local, path, mode) -> {
            pushed.add(path);
            adbPusher.push(local, path, mode);
        };
        AgentDeployer deployer = new AgentDeployer(shell(), counting);
        AgentBinary agent = agent();

        Deployment first = deployer.deploy(agent, List.of(model));
        assertEquals(2, first.filesPushed());
        assertEquals(AgentDeployer.DEVICE_DIR + "/ltrunner-" + agent.sha256(), first.agentCommand().get(0));
        assertEquals(List.of(AgentDeployer.DEVICE_DIR + "/model-" + model.sha256() + ".onnx"), first.modelPaths());
        Path onDevice = deployDir().resolve("model-" + model.sha256() + ".onnx");
        assertEquals(model.sha256(), Sha256.of(onDevice), "the 3 MB model did not arrive byte for byte");
        assertTrue(Files.getPosixFilePermissions(deployDir().resolve("ltrunner-" + agent.sha256()))
                .contains(PosixFilePermission.OWNER_EXECUTE));
        assertEquals("agent\n", shell().run(dev.lighttrack.bench.device.ShellCommand.of(first.agentCommand().get(0))).stdout());

        int pushesBefore = pushed.size();
        Deployment second = deployer.deploy(agent, List.of(model));
        assertEquals(0, second.filesPushed());
        assertEquals(pushesBefore, pushed.size());
        assertEquals(first.agentCommand(), second.agentCommand());
        assertEquals(first.modelPaths(), second.modelPaths());
        try (Stream<Path> names = Files.list(deployDir())) {
            assertEquals(List.of("ltrunner-" + agent.sha256(), "model-" + model.sha256() + ".onnx"),
                    names.map(p -> p.getFileName().toString()).sorted().toList(), "temporary or extra files left");
        }
        try (Stream<Path> all = Files.walk(device.sandbox())) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("pwned")).toList());
        }
    }

    @Test
    void aMissingArmAgentSaysTheAndroidNdkIsNeededAndHow() {
        AgentBinaries none = new AgentBinaries(new URLClassLoader(new URL[0], null));
        BenchException e = assertThrows(BenchException.class, () -> none.forAbi("arm64-v8a"));
        assertTrue(e.getMessage().contains("no ltrunner agent for arm64-v8a"), e.getMessage());
        assertTrue(e.getMessage().contains("Android NDK"), e.getMessage());
        assertTrue(e.getMessage().contains("-DCMAKE_TOOLCHAIN_FILE=$ANDROID_NDK/build/cmake/android.toolchain.cmake"),
                e.getMessage());
        BenchException mips = assertThrows(BenchException.class, () -> none.forAbi("mips"));
        assertTrue(mips.getMessage().contains("no ltrunner agent for ABI 'mips' (it has: none"), mips.getMessage());
    }
}
