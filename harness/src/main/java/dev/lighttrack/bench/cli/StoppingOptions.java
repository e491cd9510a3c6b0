package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.session.StoppingRule;
import picocli.CommandLine.Option;

/** When a measurement is enough: --target-ci and --max-seconds (the session's {@link StoppingRule}). */
final class StoppingOptions {
    @Option(names = "--target-ci", defaultValue = "0", paramLabel = "PCT",
            description = "Keep measuring, --rounds more rounds at a time, until the median's 95% confidence interval "
                    + "is within ±PCT% of it (of every model's, for lut) (0-100; default 0: measure once) or "
                    + "--max-seconds have passed; a target not met is said, never silently.")
    double targetCi;

    @Option(names = "--max-seconds", defaultValue = "60", paramLabel = "S",
            description = "The most time --target-ci may spend measuring more (per device for bench, per phase "
                    + "for lut build and validate), 0-" + StoppingRule.MAX_SECONDS + " (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    StoppingRule rule() {
        return new StoppingRule(targetCi, maxSeconds);
    }
}
