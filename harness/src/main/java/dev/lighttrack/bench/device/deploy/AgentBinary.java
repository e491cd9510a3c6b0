package dev.lighttrack.bench.device.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * The runner agent built for one ABI, on this machine. Either one program ({@code files} empty, {@code sha256} its
 * hash), or a bundle: the program with the shared objects it needs and the ELF loader that starts it, all under one
 * hash ({@link AgentBundleManifest#hash}), since a phone has none of them installed. {@code file} is the program.
 *
 * @param loader the loader's path inside the bundle; null for a single program
 * @param androidNative whether the agent is built for Android's own C library (the NDK build), so it can load the
 *                      phone's OpenCL and NNAPI libraries; a glibc bundle cannot
 */
public record AgentBinary(String abi, Path file, String sha256, List<AgentFile> files, String loader,
                          boolean androidNative) {
    /** The program name inside a bundle. */
    public static final String PROGRAM = "ltrunner";

    public AgentBinary {
        files = List.copyOf(files);
    }

    /** A single-program agent. */
    public AgentBinary(String abi, Path file, String sha256) {
        this(abi, file, sha256, List.of(), null, false);
    }

    public boolean isBundle() {
        return !files.isEmpty();
    }

    /** The words that start the agent once it is deployed at {@code devicePath} (the program, or the bundle folder). */
    public List<String> command(String devicePath) {
        if (!isBundle()) {
            return List.of(devicePath);
        }
        String lib = loader.substring(0, loader.lastIndexOf('/'));
        return List.of(devicePath + "/" + loader, "--library-path", devicePath + "/" + lib, devicePath + "/" + PROGRAM);
    }
}
