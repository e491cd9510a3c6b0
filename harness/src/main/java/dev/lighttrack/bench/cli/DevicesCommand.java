package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.AdbServers;
import dev.lighttrack.bench.device.AttachedDevice;
import dev.lighttrack.bench.device.DeviceDiscovery;
import dev.lighttrack.bench.device.DeviceListing;
import dev.lighttrack.bench.device.DeviceState;
import dev.lighttrack.bench.device.DeviceStatus;
import dev.lighttrack.bench.device.ProfileMatcher;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench devices}: what is attached to every adb server, with SoC, profile, battery and temperatures. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the devices of every adb server: serial, model, SoC, ABI, matched profile, state, "
                + "battery and the profile's thermal zones.")
final class DevicesCommand implements Callable<Integer> {
    static final String ATTACH_HINT = "To attach a phone: enable Developer options and USB debugging on it, connect "
            + "it by USB, accept the 'Allow USB debugging?' prompt, then check that 'adb devices' lists it as 'device'.";

    @Mixin
    AdbOptions adb;


    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = OutputOptions.of(spec).json;
        ProfileCatalog catalog = new ProfileLoader().loadDefault();
        AdbServers servers = adb.prepare();
        List<AttachedDevice> devices = new DeviceDiscovery(servers, new ProfileMatcher(catalog)).discover();
        List<DeviceStatus> statuses = devices.stream().map(DeviceStatus::read).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String serverList = servers.addresses().stream().map(Object::toString).collect(Collectors.joining(", "));
        if (json) {
            // Jackson's pretty printer writes an empty array as "[ ]"
            out.println(statuses.isEmpty() ? "[]" : JsonMapper.write(statuses.stream().map(DeviceListing::of).toList()));
            if (statuses.isEmpty()) {
                err.println("bench: no devices attached to adb server " + serverList + ". " + ATTACH_HINT);
            }
        } else if (statuses.isEmpty()) {
            out.println("No devices attached to adb server " + serverList + ".");
            out.println(ATTACH_HINT);
        } else {
            out.print(DeviceTable.render(statuses));
            if (DeviceTable.anyTooHot(statuses)) {
                out.println("!: at or above the profile's threshold; a benchmark would wait for it to cool down.");
            }
            if (devices.stream().anyMatch(d -> d.state() == DeviceState.UNAUTHORIZED)) {
                out.println("unauthorized: unlock the phone and accept its 'Allow USB debugging?' prompt.");
            }
            if (devices.stream().anyMatch(d -> d.state() == DeviceState.OFFLINE)) {
                out.println("offline: reconnect the cable, or restart the adb server ('adb kill-server').");
            }
        }
        out.flush();
        return 0;
    }
}
