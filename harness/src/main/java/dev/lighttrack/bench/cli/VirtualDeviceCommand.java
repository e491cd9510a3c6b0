package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.agents.virtualdevice.CpuEmulation;
import dev.lighttrack.bench.agents.virtualdevice.VirtualDevice;
import dev.lighttrack.bench.agents.virtualdevice.VirtualDeviceConfig;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.files.JsonMapper;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench virtual-device}: a virtual device in the foreground until Ctrl-C, for adb and dadb to connect to. */
@Command(name = "virtual-device", mixinStandardHelpOptions = true,
        description = {"Start a virtual device for a profile: it speaks the device side of the ADB protocol on "
                + "127.0.0.1 and runs what is pushed to it on this host (its timings are of this host, not of the "
                + "profile's SoC). Runs until Ctrl-C."})
final class VirtualDeviceCommand implements Callable<Integer> {
    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "Device profile, e.g. sd845.")
    String profile;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P",
            description = "Loopback port to listen on, outside 5555-5585 (default: a free one).")
    int port;

    @Option(names = "--arm64", description = "Report arm64-v8a and run what is pushed under qemu-user emulation (the "
            + "arm64 agent bundle, as on a phone); its timings are emulated.")
    boolean arm64;

    @Spec
    CommandSpec spec;

    /** What --json prints once the device listens: where it is and what it trusts. */
    record Listening(String serial, int port, String profile, String abi, String soc, List<String> trustedKeys,
                     String note) {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port >= VirtualDeviceConfig.EMULATOR_SCAN_FIRST_PORT && port <= VirtualDeviceConfig.EMULATOR_SCAN_LAST_PORT) {
            throw new InvalidSetting("port", port + " is in 5555-5585, where the adb server looks for emulators (the"
                    + " device would show up twice): use a port outside that range, or leave --port out");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidSetting("port", "must be 1-65535 (or 0 for a free port), got " + port);
        }
        DeviceProfile p = new ProfileLoader().loadDefault().get(profile);
        CpuEmulation emulation = arm64 ? CpuEmulation.arm64() : null;
        String abi = emulation == null ? VirtualDeviceSession.hostAbi() : emulation.abi();
        String note = emulation == null
                ? "programs pushed to it run on this host: timings are of this host, not of the " + p.soc().part()
                : "aarch64 programs pushed to it run on this host under qemu-user: timings are emulated, meaningless "
                        + "as the " + p.soc().part() + "'s";
        VirtualDevice device = VirtualDeviceSession.startDevice(p, port, emulation);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            device.close();
            VirtualDeviceSession.deleteTree(device.sandboxRoot());
        }, "virtual device shutdown"));
        if (OutputOptions.of(spec).json) {
            System.out.println(JsonMapper.write(new Listening(device.serial(), device.port(), p.name(), abi,
                    p.soc().part(), device.config().trustedKeys().stream().map(Object::toString).toList(), note)));
            System.out.flush();
            device.awaitClose();
            return 0;
        }
        System.out.println("virtual " + p.name() + " device listening on " + device.serial() + " (serial "
                + device.serial() + ", ABI " + abi + ")");
        System.out.println("connect it:  adb connect " + device.serial());
        System.out.println("benchmark:   ./bench --device " + p.name() + " --serial " + device.serial());
        System.out.println(note + ". Ctrl-C stops it.");
        System.out.flush();
        device.awaitClose();
        return 0;
    }
}
