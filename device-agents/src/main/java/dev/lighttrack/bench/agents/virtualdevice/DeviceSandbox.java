package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host directory that stands in for the device's private file system.
 *
 * <p>Layout under the root: {@code data/local/tmp/} (device {@code /data/local/tmp}, kept between
 * runs like on a phone), {@code sys/...} (the configured sysfs nodes, rewritten at every start),
 * {@code bin/getprop} (prepended to PATH) reading {@code .vdev/props/<key>}, and
 * {@code .vdev/getprop.txt} (the full listing). The shell's working directory is the root.
 */
final class DeviceSandbox {

    private final DevicePathMapper paths;
    private final Map<String, String> environment;

    private DeviceSandbox(DevicePathMapper paths, Map<String, String> emulation) {
        this.paths = paths;
        Path root = paths.root();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
        env.put("HOME", root.resolve("data/local/tmp").toString());
        env.put("TMPDIR", root.resolve("data/local/tmp").toString());
        env.putAll(emulation);
        this.environment = Map.copyOf(env);
    }

    /** Lays out the sandbox for {@code config}: directories, sysfs nodes, properties and getprop. */
    static DeviceSandbox prepare(VirtualDeviceConfig config) throws IOException {
        Path root = config.sandboxRoot().toAbsolutePath().normalize();
        DeviceSandbox sandbox = new DeviceSandbox(new DevicePathMapper(root), installEmulation(root, config.emulation()));
        Files.createDirectories(root.resolve("data/local/tmp"));
        sandbox.writeSysfsNodes(config.sysfsNodes());
        sandbox.installGetprop(config.allProperties());
        return sandbox;
    }

    Path root() {
        return paths.root();
    }

    /* The exec emulation library in .vdev/, and the variables that preload it into the shell and name qemu. */
    private static Map<String, String> installEmulation(Path root, CpuEmulation emulation) throws IOException {
        if (emulation == null) {
            return Map.of();
        }
        Path library = root.resolve(".vdev/libltexec.so");
        Files.createDirectories(library.getParent());
        try (var in = DeviceSandbox.class.getClassLoader().getResourceAsStream(CpuEmulation.LIBRARY_RESOURCE)) {
            if (in == null) {
                throw new IOException("this build has no " + CpuEmulation.LIBRARY_RESOURCE);
            }
            Files.copy(in, library, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Map.of("LD_PRELOAD", library.toString(), CpuEmulation.QEMU_VARIABLE, emulation.qemu().toString());
    }

    DevicePathMapper paths() {
        return paths;
    }

    String rewriteCommandLine(String deviceCommandLine) {
        return paths.rewriteCommandLine(deviceCommandLine);
    }

    /** PATH with the sandbox's bin first, HOME and TMPDIR in /data/local/tmp; nothing inherited. */
    Map<String, String> shellEnvironment() {
        return environment;
    }

    private void writeSysfsNodes(Map<String, String> nodes) throws IOException {
        for (Map.Entry<String, String> node : nodes.entrySet()) {
            Path file = paths.toHostPath(node.getKey());
            Files.createDirectories(file.getParent());
            String content = node.getValue();
            // sysfs attributes read back with a trailing newline
            Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
        }
    }

    private void installGetprop(Map<String, String> properties) throws IOException {
        Path vdev = root().resolve(".vdev");
        Path props = vdev.resolve("props");
        Files.createDirectories(props);
        try (var old = Files.list(props)) {
            for (Path stale : old.toList()) {
                Files.delete(stale);
            }
        }
        StringBuilder listing = new StringBuilder();
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            Files.writeString(props.resolve(property.getKey()), property.getValue() + "\n", StandardCharsets.UTF_8);
            listing.append('[').append(property.getKey()).append("]: [").append(property.getValue()).append("]\n");
        }
        Files.writeString(vdev.resolve("getprop.txt"), listing, StandardCharsets.UTF_8);

        Path bin = root().resolve("bin");
        Files.createDirectories(bin);
        Path getprop = bin.resolve("getprop");
        // The root is made of shell-safe characters (DevicePathMapper checks), so it can be quoted as is.
        Files.writeString(getprop, String.join("\n",
                "#!/bin/sh",
                "# getprop of the LightTrack virtual device: the properties of its configuration.",
                "# No argument: all of them as [key]: [value]; a key: its value, else the default or an empty line.",
                "if [ $# -eq 0 ]; then cat '" + vdev.resolve("getprop.txt") + "'; exit 0; fi",
                "case \"$1\" in",
                "  ''|*[!A-Za-z0-9._-]*) printf '%s\\n' \"$2\"; exit 0 ;;",
                "esac",
                "if [ -f '" + props + "'/\"$1\" ]; then cat '" + props + "'/\"$1\"; else printf '%s\\n' \"$2\"; fi",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(getprop, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
