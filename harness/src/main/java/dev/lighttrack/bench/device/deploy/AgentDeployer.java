package dev.lighttrack.bench.device.deploy;

import dev.lighttrack.bench.device.DeviceShell;
import dev.lighttrack.bench.device.FilePusher;
import dev.lighttrack.bench.device.ShellCommand;
import dev.lighttrack.bench.device.ShellResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts the agent and models into {@link #DEVICE_DIR} by content: each device file is named after its SHA-256,
 * so a file already there is the right one and is not pushed again. Local file names never reach the device.
 * A push goes to a temporary name first and is renamed into place, so an interrupted push never leaves a
 * truncated file under a content name.
 */
public final class AgentDeployer {
    public static final String DEVICE_DIR = "/data/local/tmp/ltbench";
    static final int AGENT_MODE = 0755;
    static final int DATA_MODE = 0644;

    /* Arguments: the directory, then file names; prints the names that exist as regular files. */
    private static final String EXISTING = String.join("\n",
            "d=$1; shift; mkdir -p \"$d\" || exit 1",
            "for f in \"$@\"; do [ -f \"$d/$f\" ] && printf '%s\\n' \"$f\"; done",
            "exit 0");
    /* Arguments: temporary path, final path, mode. */
    private static final String INSTALL = "chmod \"$3\" \"$1\" && mv -f \"$1\" \"$2\"";

    private final DeviceShell shell;
    private final FilePusher pusher;

    public AgentDeployer(DeviceShell shell, FilePusher pusher) {
        this.shell = shell;
        this.pusher = pusher;
    }

    static String agentName(AgentBinary agent) {
        return "ltrunner-" + agent.sha256();
    }

    static String modelName(ContentFile model) {
        return "model-" + model.sha256() + ".onnx";
    }

    public Deployment deploy(AgentBinary agent, List<ContentFile> models) {
        Map<String, FileToPush> wanted = new LinkedHashMap<>();
        wanted.put(agentName(agent), new FileToPush(new ContentFile(agent.file(), agent.sha256()), AGENT_MODE));
        List<String> modelPaths = new ArrayList<>();
        for (ContentFile model : models) {
            wanted.putIfAbsent(modelName(model), new FileToPush(model, DATA_MODE));
            modelPaths.add(DEVICE_DIR + "/" + modelName(model));
        }
        Set<String> present = existing(wanted.keySet());
        int pushed = 0;
        for (Map.Entry<String, FileToPush> entry : wanted.entrySet()) {
            if (!present.contains(entry.getKey())) {
                install(entry.getValue(), DEVICE_DIR + "/" + entry.getKey());
                pushed++;
            }
        }
        return new Deployment(DEVICE_DIR + "/" + agentName(agent), modelPaths, pushed);
    }

    private record FileToPush(ContentFile file, int mode) {
    }

    private Set<String> existing(Set<String> names) {
        List<String> args = new ArrayList<>();
        args.add(DEVICE_DIR);
        args.addAll(names);
        ShellResult result = shell.run(ShellCommand.script(EXISTING, args))
                .requireSuccess("creating " + DEVICE_DIR + " on " + shell.describe());
        return Set.copyOf(result.stdout().lines().toList());
    }

    private void install(FileToPush file, String devicePath) {
        String temporary = devicePath + ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        pusher.push(file.file().local(), temporary, file.mode());
        // the mode travels with the push, but some adbd versions apply the umask: set it explicitly
        shell.run(ShellCommand.script(INSTALL, List.of(temporary, devicePath, Integer.toOctalString(file.mode()))))
                .requireSuccess("installing " + devicePath + " on " + shell.describe());
    }
}
