package dev.lighttrack.bench.device.deploy;

import java.nio.file.Path;

/** One file of an agent bundle: its path inside the bundle, where it is on this machine, its mode on the device. */
public record AgentFile(String path, Path local, String sha256, int mode) {
}
