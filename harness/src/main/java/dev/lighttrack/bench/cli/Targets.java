package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.AttachedDevice;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.run.BenchmarkTarget;

/** Opens the three kinds of benchmark target. */
final class Targets {
    private Targets() {
    }

    static BenchmarkTarget host(DeviceProfile host) {
        throw new UserError("--device host needs the native runner, which this build does not have yet");
    }

    static BenchmarkTarget virtual(DeviceProfile profile, AdbOptions adb) {
        throw new UserError("--device virtual:" + profile.name() + " is not available in this build yet");
    }

    static BenchmarkTarget adb(AttachedDevice device, AdbOptions adb) {
        throw new UserError("benchmarking over adb is not available in this build yet (device " + device.serial() + ")");
    }
}
