package dev.lighttrack.bench.device;

/** One line of an adb server's device list. */
public record AdbDeviceEntry(String serial, DeviceState state) {
}
