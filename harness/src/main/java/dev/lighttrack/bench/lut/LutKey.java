package dev.lighttrack.bench.lut;

/**
 * What a lookup table is valid for. A table measured on one device, backend, precision or runner version
 * says nothing reliable about another, so using it elsewhere is refused.
 */
public record LutKey(String profile, String soc, String buildFingerprint, boolean virtual, String backend,
                     String precision, String runnerVersion, int searchSize, int templateSize, int backboneBudget) {

    /** Throws a clear error naming every field that differs. */
    public void requireMatches(LutKey actual, String tableFile) {
        StringBuilder diff = new StringBuilder();
        compare(diff, "profile", profile, actual.profile);
        compare(diff, "soc", soc, actual.soc);
        compare(diff, "build", buildFingerprint, actual.buildFingerprint);
        compare(diff, "virtual", virtual, actual.virtual);
        compare(diff, "backend", backend, actual.backend);
        compare(diff, "precision", precision, actual.precision);
        compare(diff, "runner version", runnerVersion, actual.runnerVersion);
        compare(diff, "search size", searchSize, actual.searchSize);
        compare(diff, "template size", templateSize, actual.templateSize);
        compare(diff, "backbone budget", backboneBudget, actual.backboneBudget);
        if (diff.length() > 0) {
            throw new IllegalArgumentException("lookup table " + tableFile + " was measured for another setup ("
                    + diff + "); build a table for this one with 'bench lut build'");
        }
    }

    private static void compare(StringBuilder diff, String field, Object table, Object actual) {
        if (!java.util.Objects.equals(table, actual)) {
            if (diff.length() > 0) {
                diff.append("; ");
            }
            diff.append(field).append(": table ").append(table).append(", here ").append(actual);
        }
    }
}
