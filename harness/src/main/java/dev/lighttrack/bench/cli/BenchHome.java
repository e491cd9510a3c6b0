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

    /** {@code results/<folder>} under the root. */
    static Path results(String folder) {
        return root().resolve("results").resolve(folder);
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
