package dev.lighttrack.bench.device;

/** Opens a shell on the device {@code serial} of an adb server; replaceable so discovery can be tested alone. */
@FunctionalInterface
public interface DeviceShellFactory {
    DeviceShellFactory ADB = AdbDeviceShell::new;

    DeviceShell open(AdbServerAddress server, String serial);
}
