package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.errors.SettingRange;
import dev.lighttrack.bench.session.OpenedTarget;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The target and measurement options of {@code bench lut build} and {@code bench lut validate}. */
final class LutTargetOptions {
    static final int MAX_BATCH_SIZE = 1_000;
    /**
     * Models per runner process by default: enough for a validation's 50 subnets (and most of an op catalog) to
     * share one process, so drift between processes does not separate them (measured: README, bench perf plans).
     */
    static final String DEFAULT_BATCH_SIZE = "64";

    @Mixin
    TargetOptions target;

    @Mixin
    MeasurementOptions measurement;

    @Option(names = "--batch-size", defaultValue = DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Models per runner process, interleaved round by round, 1-" + MAX_BATCH_SIZE
                    + " (default ${DEFAULT-VALUE}); an interruption loses at most the batch in flight.")
    int batchSize;

    @Mixin
    StoppingOptions stopping;

    /** Checks the options and opens the one target they name. */
    OpenedTarget open() {
        new SettingRange(1, MAX_BATCH_SIZE).check("batchSize", batchSize);
        return OpenedTarget.openOne(target.spec(), measurement.settings(), "a lookup table",
                ProgressLine.messages("bench"));
    }
}
