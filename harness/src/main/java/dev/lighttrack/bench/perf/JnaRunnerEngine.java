package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.agents.runner.NativeLibraryLoader;
import dev.lighttrack.bench.agents.runner.NativeRunner;
import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.agents.runner.RunnerOptions;
import java.nio.file.Path;

/** Our runner in this process through JNA: the C timing loop of {@link NativeRunner#run}, cpu backend. */
final class JnaRunnerEngine implements PerfEngine {
    static final String ID = "runner_jna";

    private final NativeRunner runner;
    private final String description;

    JnaRunnerEngine(Path model, int threads) {
        try {
            this.runner = NativeRunner.open(model, RunnerOptions.cpu(threads));
        } catch (RunnerError e) {
            throw e.withMessage("the runner cannot open " + model + ": " + e.getMessage() + " (" + e.code() + ")");
        } catch (NativeLibraryLoader.NativeLibraryException e) {
            // an environment problem the message explains: one line and exit 2, not an internal error
            throw new RunnerError(RunnerError.LIBRARY, e.getMessage());
        }
        this.description = "ltrunner " + NativeRunner.version() + " (" + runner.engine() + ") in-process through JNA";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public RoundSamples measure(int warmup, int iterations) {
        if (warmup > 0) {
            // its own call, so the wall time below holds only the timed inferences and the crossing
            runner.run(0, warmup, 0, 0);
        }
        long start = System.nanoTime();
        long[] samples = runner.run(0, iterations, 0, 0);
        long wall = System.nanoTime() - start;
        return new RoundSamples(samples, wall);
    }

    @Override
    public void close() {
        runner.close();
    }
}
