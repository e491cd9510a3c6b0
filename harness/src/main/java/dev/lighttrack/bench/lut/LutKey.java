package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.space.SearchSpace;
import java.util.Objects;

/**
 * What a lookup table is valid for. A table measured on one device, backend, precision, thread count or runner
 * version says nothing reliable about another, so using it elsewhere is refused.
 */
public record LutKey(String profile, String soc, String buildFingerprint, boolean virtual, String backend,
                     String precision, int threads, String runnerVersion, int searchSize, int templateSize,
                     int backboneBudget) {

    /** The key of measurements on {@code target} with {@code settings}; the runner version comes from its first run. */
    public static LutKey of(TargetInfo target, RunSettings settings, String runnerVersion, SearchSpace space,
                            int searchSize, int templateSize) {
        return new LutKey(target.profile(), target.soc(), target.build(), target.virtual(), settings.backend(),
                settings.precision(), settings.threads(), runnerVersion, searchSize, templateSize,
                space.backboneBudgetMacsM());
    }

    public SearchSpace space() {
        return backboneBudget == SearchSpace.LARGE.backboneBudgetMacsM() ? SearchSpace.LARGE : SearchSpace.MOBILE;
    }

    public LutKey withRunnerVersion(String version) {
        return new LutKey(profile, soc, buildFingerprint, virtual, backend, precision, threads, version, searchSize,
                templateSize, backboneBudget);
    }

    /** Throws a clear error naming every field that differs. */
    public void requireMatches(LutKey actual, String tableFile) {
        check(actual, tableFile, true);
    }

    /** The same check before anything ran, when the runner version is not known yet. */
    public void requireMatchesBesidesRunner(LutKey actual, String tableFile) {
        check(actual, tableFile, false);
    }

    private void check(LutKey actual, String tableFile, boolean withRunner) {
        StringBuilder diff = new StringBuilder();
        compare(diff, "profile", profile, actual.profile);
        compare(diff, "soc", soc, actual.soc);
        compare(diff, "build", buildFingerprint, actual.buildFingerprint);
        compare(diff, "virtual", virtual, actual.virtual);
        compare(diff, "backend", backend, actual.backend);
        compare(diff, "precision", precision, actual.precision);
        compare(diff, "threads", threads, actual.threads);
        if (withRunner) {
            compare(diff, "runner version", runnerVersion, actual.runnerVersion);
        }
        compare(diff, "search size", searchSize, actual.searchSize);
        compare(diff, "template size", templateSize, actual.templateSize);
        compare(diff, "backbone budget", backboneBudget, actual.backboneBudget);
        if (diff.length() > 0) {
            throw BenchException.badInput("lookup table " + tableFile + " was measured for another setup ("
                    + diff + "); use a table built for this one, or build it with 'bench lut build'");
        }
    }

    private static void compare(StringBuilder diff, String field, Object table, Object actual) {
        if (!Objects.equals(table, actual)) {
            if (diff.length() > 0) {
                diff.append("; ");
            }
            diff.append(field).append(": table ").append(table).append(", here ").append(actual);
        }
    }
}
