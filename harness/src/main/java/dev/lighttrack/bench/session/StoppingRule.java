package dev.lighttrack.bench.session;

import dev.lighttrack.bench.errors.SettingRange;

/**
 * When a benchmark measures more: while the median's 95% confidence interval is wider than {@code targetCiPct}
 * percent of the median (half-width), another set of rounds is measured, until {@code maxSeconds} have passed.
 * A target of 0 measures once.
 */
public record StoppingRule(double targetCiPct, double maxSeconds) {
    public static final StoppingRule ONCE = new StoppingRule(0, 0);
    public static final int MAX_SECONDS = 86_400;

    public StoppingRule {
        new SettingRange(0, 100).check("targetCi", targetCiPct);
        new SettingRange(0, MAX_SECONDS).check("maxSeconds", maxSeconds);
    }

    public boolean active() {
        return targetCiPct > 0;
    }
}
