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

    /* A bundle in a classpath folder: a "loader" that checks its --library-path and runs the program, which echoes. */
    private AgentBinaries fakeBundle() throws Exception {
        Path root = work.resolve("classpath");
        Path bundle = root.resolve("agents/arm64-v8a");
        Files.createDirectories(bundle.resolve("lib"));
        Files.writeString(bundle.resolve("bundle.txt"), "# test bundle\nloader lib/ld.sh\nfile 755 ltrunner\n"
                + "file 755 lib/ld.sh\nfile 644 lib/libfake.so.1\n");
        Files.writeString(bundle.resolve("lib/ld.sh"), "#!/bin/sh\n[ \"$1\" = --library-path ] && [ -f \"$2/libfake.so.1\" ]"
                + " || exit 9\nshift 2\nexec /bin/sh \"$@\"\n");
        Files.writeString(bundle.resolve("lib/libfake.so.1"), "not really a library\n");
        Files.writeString(bundle.resolve("ltrunner"), "echo bundle \"$@\"\n");
        return new AgentBinaries(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
    }

    @Test
    void aBundleIsPushedOnceUnderOneHashAndStartsThroughItsLoader() throws Exception {
        List<String> pushed = new ArrayList<>();
        AdbFilePusher adbPusher = new AdbFilePusher(server.address(), device.serial());
        FilePusher counting = (local, path, mode) -> {
            pushed.add(path);
            adbPusher.push(local, path, mode);
        };
        AgentBinary agent = fakeBundle().forAbi("arm64-v8a");
        assertTrue(agent.isBundle());
        AgentDeployer deployer = new AgentDeployer(shell(), counting);
        Deployment first = deployer.deploy(agent, List.of());
        assertEquals(3, first.filesPushed());
        String dir = AgentDeployer.DEVICE_DIR + "/agent-" + agent.sha256();
        assertEquals(List.of(dir + "/lib/ld.sh", "--library-path", dir + "/lib", dir + "/ltrunner"),
                first.agentCommand());
        List<String> run = new ArrayList<>(first.agentCommand());
        run.add("--version");
        assertEquals("bundle --version\n", shell().run(dev.lighttrack.bench.device.ShellCommand.of(run)).stdout());
        Path onDevice = deployDir().resolve("agent-" + agent.sha256());
        assertTrue(Files.getPosixFilePermissions(onDevice.resolve("lib/ld.sh")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertTrue(!Files.getPosixFilePermissions(onDevice.resolve("lib/libfake.so.1"))
                .contains(PosixFilePermission.OWNER_EXECUTE));

        Deployment second = deployer.deploy(agent, List.of());
        assertEquals(0, second.filesPushed());
        assertEquals(3, pushed.size(), "nothing is pushed twice");
        try (Stream<Path> names = Files.list(deployDir())) {
            assertEquals(List.of("agent-" + agent.sha256()), names.map(p -> p.getFileName().toString()).toList(),
                    "temporary folders left");
        }
    }

    @Test
    void theGlibcBundleRunsCpuOnlyAndSaysHowToGetTheGpu() throws Exception {
        AgentBinaries agents = fakeBundle();
        assertTrue(agents.forDevice("arm64-v8a", "cpu").isBundle());
        BenchException gpu = assertThrows(BenchException.class, () -> agents.forDevice("arm64-v8a", "gpu"));
        assertTrue(gpu.getMessage().contains("cpu backend only"), gpu.getMessage());
        assertTrue(gpu.getMessage().contains("libOpenCL.so"), gpu.getMessage());
        assertTrue(gpu.getMessage().contains("scripts/build-android-agent.sh $ANDROID_NDK"), gpu.getMessage());
    }

    @Test
    void aBundleManifestNamesOnlyPathsInsideTheBundle() {
        IllegalStateException escape = assertThrows(IllegalStateException.class, () -> AgentBundleManifest.parse(
                "loader lib/ld.so\nfile 755 ltrunner\nfile 755 lib/ld.so\nfile 644 ../../etc/passwd\n", "b.txt"));
        assertTrue(escape.getMessage().contains("b.txt line 4"), escape.getMessage());
        IllegalStateException noLoader = assertThrows(IllegalStateException.class,
                () -> AgentBundleManifest.parse("file 755 ltrunner\n", "b.txt"));
        assertTrue(noLoader.getMessage().contains("must name a loader"), noLoader.getMessage());
    }

    @Test
    void aMissingArmAgentSaysHowToBuildIt() {
        AgentBinaries none = new AgentBinaries(new URLClassLoader(new URL[0], null));
        BenchException e = assertThrows(BenchException.class, () -> none.forAbi("arm64-v8a"));
        assertTrue(e.getMessage().contains("no ltrunner agent for arm64-v8a"), e.getMessage());
        assertTrue(e.getMessage().contains("gcc-aarch64-linux-gnu"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/build-android-agent.sh $ANDROID_NDK"), e.getMessage());
        BenchException mips = assertThrows(BenchException.class, () -> none.forAbi("mips"));
        assertTrue(mips.getMessage().contains("no ltrunner agent for ABI 'mips' (it has: none"), mips.getMessage());
    }
}
