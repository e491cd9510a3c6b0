package dev.lighttrack.bench.device.deploy;

import java.nio.file.Path;

/** The runner agent built for one ABI, as a file on this machine with its content hash. */
public record AgentBinary(String abi, Path file, String sha256) {
}
