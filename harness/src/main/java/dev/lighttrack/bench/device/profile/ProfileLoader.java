package dev.lighttrack.bench.device.profile;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code <repo>/profiles/*.yaml}. The repository root comes from the {@code bench.home} system property
 * (set by the ./bench launcher), else the working directory.
 */
public final class ProfileLoader {
    public static final String HOME_PROPERTY = "bench.home";

    private final ProfileParser parser = new ProfileParser();

    /** {@code $bench.home/profiles}, or {@code ./profiles} when the property is unset. */
    public static Path defaultDirectory() {
        String home = System.getProperty(HOME_PROPERTY);
        Path root = home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
        return root.resolve("profiles");
    }

    /** Loads the profiles of {@link #defaultDirectory()}. */
    public ProfileCatalog loadDefault() {
        return load(defaultDirectory());
    }

    /** Loads and validates every {@code *.yaml} in {@code directory}. */
    public ProfileCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw BenchException.badInput("no profiles directory at " + directory + " (run bench through ./bench, "
                    + "from the repository root, or set -D" + HOME_PROPERTY + "=<repository root>)");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> yamls = Files.newDirectoryStream(directory, "*.yaml")) {
            yamls.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profiles in " + directory + ": " + IoReason.of(e), e);
        }
        if (files.isEmpty()) {
            throw BenchException.badInput("no profiles (*.yaml) in " + directory);
        }
        files.sort(null);
        List<DeviceProfile> profiles = new ArrayList<>();
        for (Path file : files) {
            profiles.add(parser.parse(file));
        }
        return new ProfileCatalog(profiles);
    }
}
