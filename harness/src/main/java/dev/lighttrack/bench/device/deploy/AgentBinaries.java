package dev.lighttrack.bench.device.deploy;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code ltrunner} agent for a device ABI among the classpath resources (packaged in the device-agents jar)
 * and copies it to private temporary files so it can be pushed. Per ABI, {@code agents/<abi>/} holds one program
 * ({@code ltrunner}: the host's x86_64 agent) or a glibc bundle ({@code bundle.txt} lists its files: the arm64-v8a
 * agent cross compiled here, cpu only), and {@code agents/<abi>/android/ltrunner} the agent built with the Android
 * NDK when it was (every backend: it can load the phone's own OpenCL and NNAPI libraries).
 */
public final class AgentBinaries {
    /** ABIs Android devices report in {@code ro.product.cpu.abi}. */
    static final List<String> KNOWN_ABIS = List.of("arm64-v8a", "armeabi-v7a", "x86_64", "x86");
    static final String ANDROID_BUILD_COMMAND = "scripts/build-android-agent.sh $ANDROID_NDK";

    private final ClassLoader loader;
    private final Map<String, AgentBinary> extracted = new ConcurrentHashMap<>();

    public AgentBinaries(ClassLoader loader) {
        this.loader = loader;
    }

    public static AgentBinaries fromClasspath() {
        return new AgentBinaries(AgentBinaries.class.getClassLoader());
    }

    static String resourceName(String abi) {
        return "agents/" + abi + "/" + AgentBinary.PROGRAM;
    }

    static String bundleResource(String abi) {
        return "agents/" + abi + "/bundle.txt";
    }

    static String androidResource(String abi) {
        return "agents/" + abi + "/android/" + AgentBinary.PROGRAM;
    }

    /** The agent for {@code abi}, or an error saying which builds exist and how to get the missing one. */
    public AgentBinary forAbi(String abi) {
        return extracted.computeIfAbsent(abi, this::extract);
    }

    /**
     * The agent that runs {@code backend} on a device of {@code abi}: the NDK build when this package has one, else
     * the ABI's own build, which in a glibc bundle has the cpu backend only; asking it for another says why and how
     * to build the one that would.
     */
    public AgentBinary forDevice(String abi, String backend) {
        if (loader.getResource(androidResource(abi)) != null) {
            return extracted.computeIfAbsent(abi + "/android", key -> extractAndroid(abi));
        }
        AgentBinary agent = forAbi(abi);
        if (agent.isBundle() && !backend.equals("cpu")) {
            throw BenchException.badInput("the " + abi + " agent in this build is the glibc bundle, which has the cpu "
                    + "backend only: the " + backend + " backend needs the phone's own " + (backend.equals("gpu")
                    ? "OpenCL library (libOpenCL.so)" : "NNAPI library (libneuralnetworks.so)") + ", a bionic library "
                    + "a glibc program cannot load. Build the NDK agent (" + ANDROID_BUILD_COMMAND + ", README 'Real "
                    + "phones'), or use --backend cpu");
        }
        return agent;
    }

    /** The ABIs this build has an agent for. */
    public List<String> available() {
        return KNOWN_ABIS.stream().filter(abi -> loader.getResource(resourceName(abi)) != null
                || loader.getResource(androidResource(abi)) != null).toList();
    }

    private AgentBinary extract(String abi) {
        if (loader.getResource(bundleResource(abi)) != null) {
            return extractBundle(abi);
        }
        if (loader.getResource(resourceName(abi)) == null && loader.getResource(androidResource(abi)) != null) {
            return extractAndroid(abi);
        }
        InputStream in = loader.getResourceAsStream(resourceName(abi));
        if (in == null) {
            throw BenchException.badInput(missingMessage(abi));
        }
        try (in) {
            Path file = Files.createTempFile("ltrunner-" + safeName(abi) + "-", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new AgentBinary(abi, file, Sha256.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the " + abi + " agent: " + IoReason.of(e), e);
        }
    }

    private AgentBinary extractAndroid(String abi) {
        try (InputStream in = loader.getResourceAsStream(androidResource(abi))) {
            Path file = Files.createTempFile("ltrunner-" + safeName(abi) + "-android-", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new AgentBinary(abi, file, Sha256.of(file), List.of(), null, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the " + abi + " NDK agent: " + IoReason.of(e), e);
        }
    }

    private AgentBinary extractBundle(String abi) {
        try {
            AgentBundleManifest manifest;
            try (InputStream in = loader.getResourceAsStream(bundleResource(abi))) {
                manifest = AgentBundleManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        bundleResource(abi));
            }
            Path dir = Files.createTempDirectory("ltrunner-" + safeName(abi) + "-");
            List<AgentFile> files = new ArrayList<>();
            for (AgentBundleManifest.Entry entry : manifest.files()) {
                String resource = "agents/" + abi + "/" + entry.path();
                Path file = dir.resolve(entry.path());
                Files.createDirectories(file.getParent());
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(bundleResource(abi) + " lists " + entry.path() + ", which "
                                + "this build does not have: rebuild the native module");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(new AgentFile(entry.path(), file, Sha256.of(file), entry.mode()));
            }
            deleteOnExit(dir, files);
            return new AgentBinary(abi, dir.resolve(AgentBinary.PROGRAM), AgentBundleManifest.hash(files), files,
                    manifest.loader(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the " + abi + " agent bundle: " + IoReason.of(e), e);
        }
    }

    /* deleteOnExit runs in reverse order of registration: files first, then their folders */
    private static void deleteOnExit(Path dir, List<AgentFile> files) {
        dir.toFile().deleteOnExit();
        files.stream().map(f -> f.local().getParent()).distinct().filter(p -> !p.equals(dir))
                .forEach(p -> p.toFile().deleteOnExit());
        files.forEach(f -> f.local().toFile().deleteOnExit());
    }

    private static String safeName(String abi) {
        return abi.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private String missingMessage(String abi) {
        List<String> have = available();
        String present = have.isEmpty() ? "none (build the native module: ./bench builds it)" : String.join(", ", have);
        if (abi.equals("arm64-v8a")) {
            return "this build has no ltrunner agent for arm64-v8a (it has: " + present + "); ./bench builds its cpu "
                    + "agent when Debian's gcc-aarch64-linux-gnu is installed (./bench installs it), and "
                    + ANDROID_BUILD_COMMAND + " the NDK agent for every backend (README 'Real phones')";
        }
        if (abi.equals("armeabi-v7a")) {
            return "this build has no ltrunner agent for armeabi-v7a (it has: " + present + "); 32-bit ARM phones are "
                    + "not supported: only arm64-v8a is built";
        }
        return "this build has no ltrunner agent for ABI '" + abi + "' (it has: " + present + ")";
    }
}
