package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.ModelResolver;
import java.nio.file.Path;

/** The folder above the device profiles, whose results/ holds exported models, run records and tables. */
final class BenchHome {
    private BenchHome() {
    }

    static Path root() {
        return ProfileLoader.defaultDirectory().getParent();
    }

    /** Names the results folder in place of {@code <root>/results} (tests point it at a fresh folder). */
    static final String RESULTS_PROPERTY = "bench.results";

    /** {@code results/<folder>}: under the root, or under {@value #RESULTS_PROPERTY} when that is set. */
    static Path results(String folder) {
        String results = System.getProperty(RESULTS_PROPERTY);
        Path base = results == null || results.isBlank() ? root().resolve("results") : Path.of(results);
        return base.resolve(folder);
    }

    /** Exported and hashed models, under results/models. */
    static ModelResolver models() {
        return new ModelResolver(results("models"));
    }

    /** What a --model / --arch choice names: the file, else the arch (default lighttrack-mobile) exported. */
    static BenchModel chosenModel(Path file, String arch, int searchSize) {
        ModelResolver models = models();
        return file != null ? models.fromFile(file)
                : models.fromArch(arch == null ? "lighttrack-mobile" : arch, searchSize, 0);
    }
}
