package dev.lighttrack.bench.session;

import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.run.ModelResolver;
import java.nio.file.Path;

/** The folder above the device profiles, whose results/ holds exported models, run records and tables. */
public final class BenchHome {
    /** Names the results folder in place of {@code <root>/results} (tests point it at a fresh folder). */
    public static final String RESULTS_PROPERTY = "bench.results";

    private BenchHome() {
    }

    public static Path root() {
        return ProfileLoader.defaultDirectory().getParent();
    }

    /** {@code results/<folder>}: under the root, or under {@value #RESULTS_PROPERTY} when that is set. */
    public static Path results(String folder) {
        String results = System.getProperty(RESULTS_PROPERTY);
        Path base = results == null || results.isBlank() ? root().resolve("results") : Path.of(results);
        return base.resolve(folder);
    }

    /** Exported and hashed models, under results/models. */
    public static ModelResolver models() {
        return new ModelResolver(results("models"));
    }
}
