/**
 * The virtual device: a process that speaks the device side of the ADB protocol on 127.0.0.1,
 * so that the real adb server and dadb drive it exactly like a phone, while the commands it is
 * given run on this host.
 *
 * <p>Entry points: {@link dev.lighttrack.bench.agents.virtualdevice.VirtualDeviceConfig} and
 * {@link dev.lighttrack.bench.agents.virtualdevice.VirtualDevice}. Everything else is the protocol:
 * {@code AdbMessage}/{@code AdbMessageCodec} (transport messages), {@code AdbConnection} (one TCP
 * transport: handshake, stream table), {@code AdbStream} (one stream with flow control), the
 * services ({@code ShellService} with {@code exec:}, {@code SyncService}) and the host side of
 * execution ({@code DeviceSandbox}, {@code DevicePathMapper}, {@code ShellProcessLauncher}).
 *
 * <p>What it is not: a simulator. Timings of commands run through it are this host's timings.
 * The sandbox is a rewrite of the {@code /data/local/tmp} and {@code /sys} prefixes, not a chroot;
 * there is no pty, no root/remount/reboot/install service and no {@code abb}. It authenticates hosts as a
 * phone with {@code ro.adb.secure=1} does, trusting only the keys of its configuration ({@code AdbAuthenticator}).
 */
package dev.lighttrack.bench.agents.virtualdevice;
