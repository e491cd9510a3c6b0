package dev.lighttrack.bench.device.profile;

import java.util.Optional;

/** A sysfs file to read, and the value a virtual device answers for it. */
public record SysfsNode(String path, Optional<String> sample) {
}
