package dev.lighttrack.bench.session;

import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.nio.file.Path;

/** What a command measures: a model file, else an arch (default lighttrack-mobile) exported at a search size. */
public record ModelChoice(Path file, String arch, int searchSize) {
    public static final String DEFAULT_ARCH = "lighttrack-mobile";

    public ModelChoice {
        SubnetBuilder.checkSize("searchSize", searchSize);
    }

    /** The model, exported into (and hashed from) the results folder's model cache. */
    public BenchModel resolve() {
        var models = BenchHome.models();
        return file != null ? models.fromFile(file) : models.fromArch(arch == null ? DEFAULT_ARCH : arch, searchSize, 0);
    }
}
