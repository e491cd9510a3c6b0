package dev.lighttrack.bench.device.deploy;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** A file of this machine to deploy, with its SHA-256 (lower-case hex): the name it gets on the device. */
public record ContentFile(Path local, String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ContentFile {
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + local + " must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
