package dev.lighttrack.bench.agents.virtualdevice;

import dev.lighttrack.bench.errors.BenchException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a virtual device runs programs built for another architecture: its shell is started with the exec emulation
 * library preloaded ({@link #LIBRARY_RESOURCE}, native/src/emulation/exec-aarch64.c), which starts every aarch64 ELF
 * it executes under {@code qemu} (qemu-user). binfmt_misc would do the same, but needs root and is missing in many
 * containers. Everything the device runs is still run on this host: emulated, its times say nothing of a phone.
 *
 * @param abi the ABI the device reports ({@code ro.product.cpu.abi})
 * @param qemu the qemu-user emulator for it
 */
public record CpuEmulation(String abi, Path qemu) {
    /** The host library, packaged in the device-agents jar. */
    public static final String LIBRARY_RESOURCE = "emulation/linux-x86-64/libltexec.so";
    static final String QEMU_VARIABLE = "LTBENCH_QEMU_AARCH64";

    /** arm64-v8a through {@code qemu-aarch64} found on PATH; a bad-input error naming the package when it is not there. */
    public static CpuEmulation arm64() {
        String arch = System.getProperty("os.arch");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            throw BenchException.badInput("the virtual arm64 device emulates aarch64 on an x86_64 host; this host is "
                    + arch);
        }
        if (CpuEmulation.class.getClassLoader().getResource(LIBRARY_RESOURCE) == null) {
            throw BenchException.badInput("this build has no " + LIBRARY_RESOURCE + " (the virtual arm64 device's "
                    + "exec emulation): rebuild the native module (./bench builds it)");
        }
        Path qemu = onPath("qemu-aarch64").orElseThrow(() -> BenchException.badInput("the virtual arm64 device "
                + "needs qemu-aarch64 (Debian's qemu-user, which ./bench installs): it is not on PATH"));
        return new CpuEmulation("arm64-v8a", qemu);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
