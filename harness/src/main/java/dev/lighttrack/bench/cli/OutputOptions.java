package dev.lighttrack.bench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * --json and --debug: declared once on {@code bench} and inherited by every subcommand, so they work in
 * any position ({@code bench --json lut build ...} and {@code bench lut build ... --json}).
 */
final class OutputOptions {
    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as JSON (one document on stdout; progress stays on stderr).")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces for errors.")
    boolean debug;

    /** The options of the bench invocation that {@code spec} is part of. */
    static OutputOptions of(CommandSpec spec) {
        return ((BenchCommand) spec.root().userObject()).output;
    }
}
