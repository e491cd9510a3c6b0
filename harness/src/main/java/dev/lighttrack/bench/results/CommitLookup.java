package dev.lighttrack.bench.results;

import dev.lighttrack.bench.errors.InvalidSetting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * The commit a run measured: the one given ({@code --commit}), else HEAD of the git work tree the command runs
 * in, else none (not a work tree, or no git): never a guess.
 */
public final class CommitLookup {
    private static final Pattern GIVEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+-]{0,127}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private CommitLookup() {
    }

    /** {@code given} when not null (checked), else the HEAD of {@code workTree}'s repository, else null. */
    public static String resolve(String given, Path workTree) {
        if (given != null) {
            if (!GIVEN.matcher(given).matches()) {
                throw new InvalidSetting("commit", "'" + given + "' is not a commit id or ref name (letters, digits, "
                        + ". _ / + -, at most 128)");
            }
            return given;
        }
        return head(workTree);
    }

    static String head(Path workTree) {
        CommandLine git = new CommandLine("git");
        git.addArgument("rev-parse");
        git.addArgument("--verify");
        git.addArgument("--quiet");
        git.addArgument("HEAD");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(workTree.toFile())
                .setExecuteStreamHandler(new PumpStreamHandler(out, new ByteArrayOutputStream())).get();
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofSeconds(10)).get());
        try {
            executor.execute(git);
        } catch (IOException e) {
            return null; // no git, or not in a work tree: the run has no known commit
        }
        String sha = out.toString(StandardCharsets.UTF_8).strip();
        return SHA.matcher(sha).matches() ? sha : null;
    }
}
