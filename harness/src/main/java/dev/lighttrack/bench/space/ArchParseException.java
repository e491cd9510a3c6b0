package dev.lighttrack.bench.space;

/** A malformed arch string: says where, what was found and what was expected. */
public final class ArchParseException extends IllegalArgumentException {
    private final int position;

    public ArchParseException(String arch, int position, String found, String expected) {
        super("bad arch string at position " + (position + 1) + ": found " + found + ", expected " + expected
                + " (in '" + arch + "')");
        this.position = position;
    }

    /** Zero-based index of the offending character. */
    public int position() {
        return position;
    }
}
