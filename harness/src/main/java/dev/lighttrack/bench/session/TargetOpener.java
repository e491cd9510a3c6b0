package dev.lighttrack.bench.session;

import dev.lighttrack.bench.agents.virtualdevice.CpuEmulation;
import dev.lighttrack.bench.device.AdbDeviceShell;
import dev.lighttrack.bench.device.AdbFilePusher;
import dev.lighttrack.bench.device.AdbServerAddress;
import dev.lighttrack.bench.device.AttachedDevice;
import dev.lighttrack.bench.device.DeviceLock;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.run.AdbTarget;
import dev.lighttrack.bench.run.BenchmarkTarget;
import dev.lighttrack.bench.run.HostTarget;
import dev.lighttrack.bench.run.RunProgress;
import dev.lighttrack.bench.run.TargetInfo;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Opens the three kinds of benchmark target; each is closed by a shutdown hook too (Ctrl-C). */
final class TargetOpener {
    /* held so the level sticks: the virtual device logs its start at INFO, which bench already says in its own words */
    private static final Logger VIRTUAL_DEVICE_LOG = Logger.getLogger("dev.lighttrack.bench.agents.virtualdevice");

    private final TargetSpec spec;
    private final RunProgress progress;

    TargetOpener(TargetSpec spec, RunProgress progress) {
        this.spec = spec;
        this.progress = progress;
    }

    BenchmarkTarget host(DeviceProfile host) {
        return new HostTarget(host);
    }

    /**
     * Starts a virtual device for {@code profile}, connects it to the (first) adb server; closing stops it.
     *
     * @param arm64 the device reports arm64-v8a and runs the arm64 agent under qemu-user, as a phone's would run
     */
    BenchmarkTarget virtual(DeviceProfile profile, boolean arm64) {
        AdbServerAddress server = spec.prepareServers().addresses().get(0);
        AgentBinaries agents = AgentBinaries.fromClasspath();
        CpuEmulation emulation = arm64 ? CpuEmulation.arm64() : null;
        String abi = emulation == null ? VirtualDeviceSession.hostAbi() : emulation.abi();
        agents.forAbi(abi); // fail before starting anything when there is no agent for it
        VIRTUAL_DEVICE_LOG.setLevel(Level.WARNING);
        VirtualDeviceSession session = VirtualDeviceSession.start(profile, server, 0, emulation);
        progress.say("virtual " + profile.name() + " device " + session.serial() + " on adb server " + server
                + (emulation == null ? ": it runs the agent on this host, so its timings are of this host, not of the "
                        + profile.soc().part()
                        : ": it reports " + abi + " and runs the " + abi + " agent on this host under qemu-user "
                        + "emulation, so its timings are emulated, meaningless as the " + profile.soc().part() + "'s"));
        // the agent runs on this host, so a lookup table measured here is keyed by this host's OS and kernel
        String hostBuild = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + (emulation == null ? "" : " emulating " + abi);
        TargetInfo info = new TargetInfo(session.serial(), profile.name(), session.config().productModel(),
                profile.soc().part(), abi, true, server.toString(), hostBuild);
        AdbDeviceShell shell = new AdbDeviceShell(server, session.serial());
        return closedOnExit(new AdbTarget(info, profile, shell, new AdbFilePusher(server, session.serial()), agents,
                new DeviceLock(shell, session.serial()), session));
    }

    BenchmarkTarget adb(AttachedDevice device) {
        DeviceProfile profile = device.profile().orElseThrow(() -> BenchException.badInput("device " + device.describe()
                + " matches no profile; add its ro.soc.model to a profile in profiles/"));
        String abi = device.properties().abi().orElseThrow(() -> BenchException.badInput("device " + device.describe()
                + " does not report ro.product.cpu.abi, so the agent build for it is unknown"));
        TargetInfo info = new TargetInfo(device.serial(), profile.name(), device.properties().model().orElse(null),
                device.properties().soc().orElse(profile.soc().part()), abi, VirtualDeviceSession.isVirtual(device),
                device.server().toString(),
                device.properties().buildFingerprint().orElse(null));
        AdbDeviceShell shell = new AdbDeviceShell(device.server(), device.serial());
        return closedOnExit(new AdbTarget(info, profile, shell, new AdbFilePusher(device.server(), device.serial()),
                AgentBinaries.fromClasspath(), new DeviceLock(shell, device.serial()), null));
    }

    /**
     * Closes the target also when bench is interrupted (Ctrl-C): releases the device lock and stops a virtual
     * device instead of leaving them to the stale-lock check and the adb server's offline detection.
     */
    private static AdbTarget closedOnExit(AdbTarget target) {
        Thread hook = new Thread(target::close, "close " + target.info().serial());
        Runtime.getRuntime().addShutdownHook(hook);
        target.onClose(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is closing it
            }
        });
        return target;
    }
}
