package dev.lighttrack.bench.device;

import dadb.AdbKeyPair;
import dev.lighttrack.bench.agents.virtualdevice.CpuEmulation;
import dev.lighttrack.bench.agents.virtualdevice.VirtualDevice;
import dev.lighttrack.bench.agents.virtualdevice.VirtualDeviceConfig;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A virtual device started for a profile and connected through an adb server ({@code host:connect}), so the
 * benchmark reaches it exactly like a network-attached phone. Its ABI is this host's and everything run on it
 * runs on this host: timings taken through it are of this host, not of the profile's SoC. {@link #close()}
 * disconnects it, stops it and deletes its sandbox.
 */
public final class VirtualDeviceSession implements AutoCloseable {
    private static final Duration LISTED_TIMEOUT = Duration.ofSeconds(15);
    /** Set to 1 on virtual devices, so one connected by hand ({@code adb connect}) is still recorded as virtual. */
    public static final String VIRTUAL_PROPERTY = "ro.lighttrack.virtual";

    private final DeviceProfile profile;
    private final AdbServerAddress server;
    private final VirtualDevice device;
    private final Path sandbox;
    private boolean connected;

    private VirtualDeviceSession(DeviceProfile profile, AdbServerAddress server, VirtualDevice device, Path sandbox) {
        this.profile = profile;
        this.server = server;
        this.device = device;
        this.sandbox = sandbox;
    }

    /** Starts a virtual device for {@code profile} on {@code port} (0: a free one outside 5555–5585) and connects it. */
    public static VirtualDeviceSession start(DeviceProfile profile, AdbServerAddress server, int port) {
        return start(profile, server, port, null);
    }

    /** The same, running programs under {@code emulation} (null: natively, with this host's ABI). */
    public static VirtualDeviceSession start(DeviceProfile profile, AdbServerAddress server, int port,
                                             CpuEmulation emulation) {
        VirtualDevice device = startDevice(profile, port, emulation);
        VirtualDeviceSession session = new VirtualDeviceSession(profile, server, device, device.sandboxRoot());
        try {
            session.connect();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Starts a virtual device for {@code profile} without connecting it to any adb server. */
    public static VirtualDevice startDevice(DeviceProfile profile, int port) {
        return startDevice(profile, port, null);
    }

    /** The same, running programs under {@code emulation} (null: natively). */
    public static VirtualDevice startDevice(DeviceProfile profile, int port, CpuEmulation emulation) {
        if (profile.isHost()) {
            throw BenchException.badInput("profile host describes this machine, not a device: pick a device profile");
        }
        ensureUserKey();
        SandboxJanitor.sweep(Path.of(System.getProperty("java.io.tmpdir")));
        Path sandbox;
        try {
            sandbox = Files.createTempDirectory(SandboxJanitor.PREFIX);
            SandboxJanitor.claim(sandbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a sandbox for the virtual device: " + IoReason.of(e), e);
        }
        try {
            return VirtualDevice.start(config(profile, sandbox, port, emulation));
        } catch (IOException e) {
            deleteTree(sandbox);
            throw new UncheckedIOException("cannot start the virtual " + profile.name() + " device: " + IoReason.of(e), e);
        } catch (RuntimeException e) {
            deleteTree(sandbox);
            throw e;
        }
    }

    /**
     * The virtual device trusts this user's adb key (what the adb server this user starts signs with); when there
     * is none yet, makes one in adb's format where the adb server will find it, as its first start would.
     */
    private static void ensureUserKey() {
        if (System.getProperty(VirtualDeviceConfig.TRUSTED_KEYS_PROPERTY) != null) {
            return;
        }
        Path key = VirtualDeviceConfig.userKey();
        Path pub = key.resolveSibling("adbkey.pub");
        if (Files.exists(pub)) {
            return;
        }
        if (Files.exists(key)) {
            throw BenchException.badInput("adb key " + key + " has no " + pub.getFileName() + " beside it, so the "
                    + "virtual device cannot know whom to trust: restore it (adb keygen " + key + " makes a new pair)");
        }
        try {
            Files.createDirectories(key.getParent());
            AdbKeyPair.generate(key.toFile(), pub.toFile());
        } catch (IOException | RuntimeException e) {
            throw BenchException.badInput("cannot create the adb key " + key + " the virtual device trusts: "
                    + e.getMessage(), e);
        }
    }

    static VirtualDeviceConfig config(DeviceProfile profile, Path sandbox, int port) {
        return config(profile, sandbox, port, null);
    }

    static VirtualDeviceConfig config(DeviceProfile profile, Path sandbox, int port, CpuEmulation emulation) {
        // honest: the agent runs on this host, so the ABI is this host's, or the one its emulator runs
        String abi = emulation == null ? hostAbi() : emulation.abi();
        Map<String, String> properties = new LinkedHashMap<>();
        profile.match().boardPlatforms().stream().findFirst().ifPresent(v -> properties.put("ro.board.platform", v));
        profile.match().socModels().stream().findFirst().ifPresent(v -> properties.put("ro.soc.model", v));
        properties.put("ro.soc.manufacturer", "QTI");
        properties.put("ro.product.manufacturer", "LightTrack");
        properties.put("ro.product.cpu.abi", abi);
        properties.put("ro.build.version.release", "virtual");
        properties.put(VIRTUAL_PROPERTY, "1");
        // latency tables are keyed by build: a virtual device's "build" is this host's OS and kernel
        properties.put("ro.build.fingerprint", "lighttrack/" + profile.name() + "_virtual/" + abi + ":"
                + System.getProperty("os.name").replaceAll("[^A-Za-z0-9._-]", "_") + "/"
                + System.getProperty("os.version").replaceAll("[^A-Za-z0-9._-]", "_"));
        String model = "LightTrack_Virtual_" + profile.soc().part().replaceAll("[^A-Za-z0-9]", "_");
        return new VirtualDeviceConfig("lighttrack_" + profile.name(), model,
                profile.name() + "_virtual", properties, profile.virtualSysfs(), sandbox, port).withEmulation(emulation);
    }

    /** Whether an attached device is a virtual device (it runs what is pushed to it on this host). */
    public static boolean isVirtual(AttachedDevice device) {
        return device.properties().get(VIRTUAL_PROPERTY).map("1"::equals).orElse(false);
    }

    /** The Android ABI name of this host's architecture. */
    public static String hostAbi() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64-v8a";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
    }

    private void connect() {
        AdbServerClient client = new AdbServerClient(server);
        client.connect(device.serial());
        connected = true;
        Instant deadline = Instant.now().plus(LISTED_TIMEOUT);
        while (true) {
            DeviceState state = client.devices().stream().filter(d -> d.serial().equals(device.serial()))
                    .map(AdbDeviceEntry::state).findFirst().orElse(null);
            if (state == DeviceState.DEVICE) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DeviceCommunicationException("the virtual device " + device.serial() + " was not listed as "
                        + "online by adb server " + server + " within " + LISTED_TIMEOUT.toSeconds() + " s (state: "
                        + (state == null ? "not listed" : state.adbName()) + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceCommunicationException("interrupted while connecting " + device.serial());
            }
        }
    }

    public String serial() {
        return device.serial();
    }

    public AdbServerAddress server() {
        return server;
    }

    public DeviceProfile profile() {
        return profile;
    }

    public VirtualDeviceConfig config() {
        return device.config();
    }

    /** The host directory holding the device's {@code /data/local/tmp} and {@code /sys} (for tests). */
    public Path sandbox() {
        return sandbox;
    }

    /** Stops the device as if it were unplugged (the adb server still lists it until it notices). */
    public void unplug() {
        device.close();
    }

    @Override
    public void close() {
        try {
            if (connected) {
                connected = false;
                try {
                    new AdbServerClient(server).disconnect(device.serial());
                } catch (AdbUnavailableException e) {
                    // the server is gone: nothing is left connected
                }
            }
        } finally {
            device.close();
            deleteTree(sandbox);
        }
    }

    /** Deletes a virtual device's sandbox directory (best effort). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the next run uses a new one
        }
    }
}
