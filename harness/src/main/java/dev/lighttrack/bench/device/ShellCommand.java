package dev.lighttrack.bench.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command line for a device's {@code sh}, built so that every variable part is a single-quoted word.
 * There is deliberately no way to splice an unquoted string in: fixed shell syntax comes only from
 * {@link #script}, whose text must be a constant written in this code base.
 */
public final class ShellCommand {
    private final String line;

    private ShellCommand(String line) {
        this.line = line;
    }

    /** {@code program arg...}, each word quoted. */
    public static ShellCommand of(String program, String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(program);
        argv.addAll(List.of(args));
        return of(argv);
    }

    /** The words of {@code argv}, each quoted. */
    public static ShellCommand of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a shell command needs at least a program name");
        }
        StringBuilder sb = new StringBuilder();
        for (String word : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ShellQuoting.quote(word));
        }
        return new ShellCommand(sb.toString());
    }

    /** Starts a command with {@code program}; add arguments with {@link Builder#arg}. */
    public static Builder builder(String program) {
        return new Builder(program);
    }

    /**
     * A fixed script that reads its data from the positional parameters: {@code set -- 'a' 'b'; script}.
     * {@code constantScript} must be a constant of this code base (never user data); {@code args} may be anything.
     */
    public static ShellCommand script(String constantScript, List<String> args) {
        Objects.requireNonNull(constantScript, "constantScript");
        StringBuilder sb = new StringBuilder("set --");
        for (String arg : args) {
            sb.append(' ').append(ShellQuoting.quote(arg));
        }
        return new ShellCommand(sb.append("; ").append(constantScript).toString());
    }

    /** {@code this && next}: runs {@code next} only when this command succeeds. */
    public ShellCommand and(ShellCommand next) {
        return new ShellCommand(line + " && " + next.line);
    }

    /** The line sent to the device's shell. */
    public String line() {
        return line;
    }

    @Override
    public String toString() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShellCommand other && other.line.equals(line);
    }

    @Override
    public int hashCode() {
        return line.hashCode();
    }

    /** Collects the words of one command. */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();

        private Builder(String program) {
            argv.add(program);
        }

        public Builder arg(String arg) {
            argv.add(arg);
            return this;
        }

        public Builder args(List<String> args) {
            argv.addAll(args);
            return this;
        }

        public ShellCommand build() {
            return of(argv);
        }
    }
}
