package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.results.CommitLookup;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --commit, for the commands whose runs go into the history. */
final class CommitOption {
    @Option(names = "--commit", paramLabel = "SHA",
            description = "The commit measured, for the history (default: HEAD of the git work tree bench runs in, "
                    + "else none).")
    String commit;

    String resolve() {
        return CommitLookup.resolve(commit, Path.of("").toAbsolutePath());
    }
}
