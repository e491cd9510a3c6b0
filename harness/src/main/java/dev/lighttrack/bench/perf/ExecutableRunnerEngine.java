package dev.lighttrack.bench.perf;

import dev.lighttrack.bench.agents.protocol.RunnerEvent;
import dev.lighttrack.bench.agents.protocol.RunnerLineParser;
import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import dev.lighttrack.bench.device.deploy.AgentBinary;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.RunnerCommandLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged {@code ltrunner} agent for this host's ABI run as its own process, one per round, with the same
 * settings: its own C timing loop, no JVM in the process. Samples come from its JSON lines.
 */
final class ExecutableRunnerEngine implements PerfEngine {
    static final String ID = "runner_executable";

    private final AgentBinary agent;
    private final Path model;
    private final int threads;
    private String version = "?";

    ExecutableRunnerEngine(Path model, int threads) {
        this.agent = AgentBinaries.fromClasspath().forAbi(VirtualDeviceSession.hostAbi());
        if (!agent.file().toFile().setExecutable(true, true)) {
            throw new UncheckedIOException(new IOException("cannot make the extracted agent " + agent.file()
                    + " executable"));
        }
        this.model = model;
        this.threads = threads;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ltrunner " + version + " executable (" + agent.abi() + " agent), one process per round";
    }

    @Override
    public RoundSamples measure(int warmup, int iterations) {
        List<String> command = RunnerCommandLine.argv(agent.file().toString(), RunnerCommandLine.model(model.toString()),
                new RunSettings("cpu", "fp32", warmup, iterations, 0, threads, null, 0));
        Path stderr = null;
        try {
            stderr = Files.createTempFile("ltrunner-perf-", ".stderr");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            long[] samples = collect(process);
            int exit = process.waitFor();
            if (exit != 0 || samples.length != iterations) {
                throw new RunnerError(RunnerError.EXIT, "the ltrunner executable exited with " + exit + " after " + samples.length
                        + " of " + iterations + " samples: " + lastLine(stderr));
            }
            return new RoundSamples(samples, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the ltrunner executable " + agent.file() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ltrunner executable ran", e);
        } finally {
            deleteQuietly(stderr);
        }
    }

    private long[] collect(Process process) throws IOException {
        RunnerLineParser parser = new RunnerLineParser();
        List<long[]> batches = new ArrayList<>();
        int count = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                RunnerEvent event = parser.parse(line);
                if (event instanceof RunnerEvent.Header h) {
                    version = h.runnerVersion();
                } else if (event instanceof RunnerEvent.Samples s) {
                    batches.add(s.ns());
                    count += s.ns().length;
                } else if (event instanceof RunnerEvent.Error e) {
                    process.destroy();
                    throw new RunnerError(e.code(), "the ltrunner executable failed on " + model + ": " + e.message()
                            + " (" + e.code() + ")");
                }
            }
        }
        long[] samples = new long[count];
        int at = 0;
        for (long[] batch : batches) {
            System.arraycopy(batch, 0, samples, at, batch.length);
            at += batch.length;
        }
        return samples;
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file of a few bytes; the run's result stands
            }
        }
    }

    @Override
    public void close() {
        // each round's process has ended; the extracted agent is deleted on exit (AgentBinaries)
    }
}
