package dev.lighttrack.bench.run;

import dev.lighttrack.bench.agents.runner.RunnerError;
import dev.lighttrack.bench.device.DeviceCommunicationException;
import dev.lighttrack.bench.device.DeviceLock;
import dev.lighttrack.bench.device.DeviceShell;
import dev.lighttrack.bench.device.FilePusher;
import dev.lighttrack.bench.device.LockOwner;
import dev.lighttrack.bench.device.ShellCommand;
import dev.lighttrack.bench.device.StreamedShellResult;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import dev.lighttrack.bench.device.deploy.AgentBinary;
import dev.lighttrack.bench.device.deploy.AgentDeployer;
import dev.lighttrack.bench.device.deploy.ContentFile;
import dev.lighttrack.bench.device.deploy.Deployment;
import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A device reached through an adb server (a phone, or a virtual device): deploys the agent and models by content
 * hash, holds the device lock from the thermal gate until {@link #close()}, runs {@code ltrunner} over
 * {@code adb shell} with every argument quoted, and collects its JSON lines as they stream.
 */
public final class AdbTarget extends SensedTarget {
    private final DeviceShell shell;
    private final FilePusher pusher;
    private final AgentBinaries agents;
    private final DeviceLock lock;
    private final AutoCloseable onClose;
    private DeviceLock.Held held;
    private Runnable afterClose = () -> { };
    private boolean closed;

    /** @param onClose runs after the lock is released (e.g. stops a virtual device); may be null */
    public AdbTarget(TargetInfo info, DeviceProfile profile, DeviceShell shell, FilePusher pusher, AgentBinaries agents,
            DeviceLock lock, AutoCloseable onClose) {
        super(info, new TargetSensors(shell, profile));
        this.shell = shell;
        this.pusher = pusher;
        this.agents = agents;
        this.lock = lock;
        this.onClose = onClose;
    }

    @Override
    public void awaitCool(RunProgress progress) {
        ensureLocked(progress);
        sensors.awaitCool(info.serial(), progress);
    }

    @Override
    public RawRun run(BenchModel model, RunSettings settings, RunProgress progress) {
        ensureLocked(progress);
        Deployment deployment = deploy(List.of(model), settings, progress);
        List<RawRun> runs = new ArrayList<>();
        execute(command(deployment.agentCommand(), RunnerCommandLine.model(deployment.modelPaths().get(0)), settings), 1,
                modelLabels(List.of(model), deployment), settings, progress, runs::add);
        RawRun raw = runs.get(0);
        requireSameModel(model, raw);
        return raw;
    }

    @Override
    public void runBatch(List<BenchModel> models, RunSettings settings, VisitOrder order, RunProgress progress,
                         BatchSink sink) {
        if (models.isEmpty()) {
            return;
        }
        ensureLocked(progress);
        Deployment deployment = deploy(models, settings, progress);
        List<String> names = deployment.modelPaths().stream().map(AdbTarget::baseName).toList();
        List<String> modelArgs = new ArrayList<>(RunnerCommandLine.manifest(
                pushText("manifest", String.join("\n", names) + "\n")));
        if (settings.rounds() > 1) {
            order.requireFits(models.size(), settings.rounds());
            modelArgs.addAll(RunnerCommandLine.order(pushText("order", order.toAgentFile())));
        }
        int[] next = {0};
        // manifest lines are names relative to the deploy directory, so the agent runs there (a virtual device maps
        // device paths in command lines only, not inside files)
        ShellCommand inDeployDir = ShellCommand.of("cd", AgentDeployer.DEVICE_DIR)
                .and(command(deployment.agentCommand(), modelArgs, settings));
        execute(inDeployDir, models.size(), modelLabels(models, deployment), settings, progress, raw -> {
            BenchModel model = models.get(next[0]++);
            requireSameModel(model, raw);
            sink.accept(model, raw);
        });
    }

    private Deployment deploy(List<BenchModel> models, RunSettings settings, RunProgress progress) {
        AgentBinary agent = agents.forDevice(info.abi(), settings.backend());
        List<ContentFile> files = models.stream().map(m -> new ContentFile(m.file(), m.sha256())).toList();
        Deployment deployment = new AgentDeployer(shell, pusher).deploy(agent, files);
        if (deployment.filesPushed() > 0) {
            progress.say("deployed " + deployment.filesPushed() + " file(s) to " + info.serial() + ":"
                    + AgentDeployer.DEVICE_DIR);
        }
        return deployment;
    }

    /** Pushes a small text file for the agent (named by its content, so a repeat pushes the same name). */
    private String pushText(String kind, String content) {
        try {
            Path file = Files.createTempFile("ltbench-" + kind + "-", ".txt");
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
                String devicePath = AgentDeployer.DEVICE_DIR + "/" + kind + "-" + Sha256.of(file) + ".txt";
                pusher.push(file, devicePath, 0644);
                return devicePath;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run " + kind + ": " + IoReason.of(e), e);
        }
    }

    static ShellCommand command(List<String> agentCommand, List<String> modelArgs, RunSettings s) {
        return ShellCommand.of(RunnerCommandLine.argv(agentCommand, modelArgs, s));
    }

    /** The agent names models by their device path; errors name them as the user does. */
    private static Function<String, String> modelLabels(List<BenchModel> models, Deployment deployment) {
        Map<String, String> byDeviceName = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            byDeviceName.putIfAbsent(baseName(deployment.modelPaths().get(i)), models.get(i).name());
        }
        return agentPath -> byDeviceName.getOrDefault(baseName(agentPath), agentPath);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Streams the agent's run. With rounds, the target's conditions are read over a second shell as each round
     * begins (the agent says when), so every result carries them and drops the rounds begun too hot.
     */
    private void execute(ShellCommand command, int expectedRuns, Function<String, String> modelLabels,
                         RunSettings settings, RunProgress progress, java.util.function.Consumer<RawRun> completed) {
        RoundConditionsReader rounds = settings.rounds() > 1 ? new RoundConditionsReader(info.serial()) : null;
        RunCollector collector = new RunCollector("ltrunner on " + info.serial(), modelLabels,
                round -> {
                    if (rounds != null) {
                        rounds.roundStarted(round, () -> RoundSensing.read(sensors, round, info.serial(), progress));
                    }
                },
                raw -> completed.accept(rounds == null ? raw : raw.withRoundConditions(rounds.all(), info.serial())));
        StreamedShellResult result;
        try {
            result = shell.stream(command, collector);
        } catch (DeviceCommunicationException e) {
            throw new DeviceCommunicationException("lost " + info.serial() + " during the run (" + e.getMessage()
                    + "); nothing was recorded");
        } finally {
            if (rounds != null) {
                rounds.close();
            }
        }
        collector.finish(result.exitCode(), result.stderr(), expectedRuns);
    }

    private void requireSameModel(BenchModel model, RawRun raw) {
        if (raw.modelSha256() != null && !raw.modelSha256().equalsIgnoreCase(model.sha256())) {
            throw new RunnerError("model", "ltrunner on " + info.serial() + " ran a model with sha256 "
                    + raw.modelSha256() + ", not " + model.name() + " (" + model.sha256() + "): the file on the device"
                    + " is corrupt; remove " + AgentDeployer.DEVICE_DIR + " on the device and run again");
        }
    }

    private void ensureLocked(RunProgress progress) {
        if (held == null) {
            held = lock.acquire(LockOwner.current(), progress::say);
        }
    }

    /** Runs {@code action} once this target is closed (by whoever closes it first). */
    public synchronized void onClose(Runnable action) {
        Runnable before = afterClose;
        afterClose = () -> {
            before.run();
            action.run();
        };
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (held != null) {
                try {
                    held.close();
                } catch (DeviceCommunicationException e) {
                    // the device is gone (or unplugged): its lock went with it or is stale and is handled on next use
                }
                held = null;
            }
        } finally {
            if (onClose != null) {
                try {
                    onClose.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + info.serial() + ": " + e.getMessage(), e);
                }
            }
            afterClose.run();
        }
    }
}
