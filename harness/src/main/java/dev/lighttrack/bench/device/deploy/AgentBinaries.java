package dev.lighttrack.bench.device.deploy;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code ltrunner} agent for a device ABI among the classpath resources {@code agents/<abi>/ltrunner}
 * (packaged in the device-agents jar) and copies it to a private temporary file so it can be pushed.
 */
public final class AgentBinaries {
    /** ABIs Android devices report in {@code ro.product.cpu.abi}. */
    static final List<String> KNOWN_ABIS = List.of("arm64-v8a", "armeabi-v7a", "x86_64", "x86");

    private final ClassLoader loader;
    private final Map<String, AgentBinary> extracted = new ConcurrentHashMap<>();

    public AgentBinaries(ClassLoader loader) {
        this.loader = loader;
    }

    public static AgentBinaries fromClasspath() {
        return new AgentBinaries(AgentBinaries.class.getClassLoader());
    }

    static String resourceName(String abi) {
        return "agents/" + abi + "/ltrunner";
    }

    /** The agent for {@code abi}, or an error saying which builds exist and how to get the missing one. */
    public AgentBinary forAbi(String abi) {
        return extracted.computeIfAbsent(abi, this::extract);
    }

    /** The ABIs this build has an agent for. */
    public List<String> available() {
        return KNOWN_ABIS.stream().filter(abi -> loader.getResource(resourceName(abi)) != null).toList();
    }

    private AgentBinary extract(String abi) {
        InputStream in = loader.getResourceAsStream(resourceName(abi));
        if (in == null) {
            throw BenchException.badInput(missingMessage(abi));
        }
        try (in) {
            Path file = Files.createTempFile("ltrunner-" + abi.replaceAll("[^A-Za-z0-9_-]", "_") + "-", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new AgentBinary(abi, file, Sha256.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the " + abi + " agent: " + IoReason.of(e), e);
        }
    }

    private String missingMessage(String abi) {
        List<String> have = available();
        String present = have.isEmpty() ? "none (build the native module: ./bench builds it)" : String.join(", ", have);
        if (abi.equals("arm64-v8a") || abi.equals("armeabi-v7a")) {
            return "this build has no ltrunner agent for " + abi + " (it has: " + present + "); an Android agent needs "
                    + "the Android NDK: cmake -S native -B build-android -DCMAKE_TOOLCHAIN_FILE=$ANDROID_NDK/build/cmake/"
                    + "android.toolchain.cmake -DANDROID_ABI=" + abi + " -DANDROID_PLATFORM=android-28, with XNNPACK "
                    + "built from source for Android (see README, 'Real phones')";
        }
        return "this build has no ltrunner agent for ABI '" + abi + "' (it has: " + present + ")";
    }
}
