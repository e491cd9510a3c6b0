package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.ExitCode;

/** A malformed arch string: says where, what was found and what was expected. */
public final class ArchParseException extends BenchException {
    private final int position;

    public ArchParseException(String arch, int position, String found, String expected) {
        super(ExitCode.BAD_INPUT, "bad arch string at position " + (position + 1) + ": found " + shorten(found)
                + ", expected " + expected + " (in '" + shorten(arch) + "')");
        this.position = position;
    }

    /** A long input is quoted by its start and length only: an error message stays one readable line. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }

    /** Zero-based index of the offending character. */
    public int position() {
        return position;
    }
}
