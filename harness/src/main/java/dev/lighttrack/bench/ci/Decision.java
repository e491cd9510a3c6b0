package dev.lighttrack.bench.ci;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an A/B check concluded about treatment against control. */
public enum Decision {
    /** Significantly slower, by an amount consistent with at least the threshold. */
    REGRESSION,
    /** Significantly faster, by an amount consistent with at least the threshold. */
    IMPROVEMENT,
    /** Any difference is smaller than the threshold, with 95% confidence. */
    SAME,
    /** Neither could be said within the rounds allowed. */
    INCONCLUSIVE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
