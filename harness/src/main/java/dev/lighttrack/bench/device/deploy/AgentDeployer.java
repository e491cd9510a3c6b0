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
 * truncated file under a content name. A bundle goes into a folder named after its one hash, filled under a temporary
 * name and renamed into place, so a folder under the content name is always complete.
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
    /* Arguments: the temporary folder, then its sub-folders to create. */
    private static final String MAKE_DIRS = "d=$1; shift; mkdir -p \"$d\" || exit 1; for s in \"$@\"; do mkdir -p \"$d/$s\" || exit 1; done";
    /* Arguments: temporary folder, final folder, then mode and path pairs. A folder already there is complete. */
    private static final String INSTALL_BUNDLE = String.join("\n",
            "part=$1; final=$2; shift 2",
            "while [ $# -gt 1 ]; do chmod \"$1\" \"$part/$2\" || exit 1; shift 2; done",
            "if [ -d \"$final\" ]; then rm -rf \"$part\"; else mv \"$part\" \"$final\"; fi");

    private final DeviceShell shell;
    private final FilePusher pusher;

    public AgentDeployer(DeviceShell shell, FilePusher pusher) {
        this.shell = shell;
        this.pusher = pusher;
    }

    static String agentName(AgentBinary agent) {
        return agent.isBundle() ? "agent-" + agent.sha256() : "ltrunner-" + agent.sha256();
    }

    static String modelName(ContentFile model) {
        return "model-" + model.sha256() + ".onnx";
    }

    public Deployment deploy(AgentBinary agent, List<ContentFile> models) {
        Map<String, FileToPush> wanted = new LinkedHashMap<>();
        // a bundle is there when its program is (the folder appears complete or not at all)
        String agentMarker = agent.isBundle() ? agentName(agent) + "/" + AgentBinary.PROGRAM : agentName(agent);
        if (!agent.isBundle()) {
            wanted.put(agentName(agent), new FileToPush(new ContentFile(agent.file(), agent.sha256()), AGENT_MODE));
        }
        List<String> modelPaths = new ArrayList<>();
        for (ContentFile model : models) {
            wanted.putIfAbsent(modelName(model), new FileToPush(model, DATA_MODE));
            modelPaths.add(DEVICE_DIR + "/" + modelName(model));
        }
        List<String> names = new ArrayList<>(wanted.keySet());
        names.add(agentMarker);
        Set<String> present = existing(names);
        int pushed = 0;
        if (agent.isBundle() && !present.contains(agentMarker)) {
            pushed += installBundle(agent, DEVICE_DIR + "/" + agentName(agent));
        }
        for (Map.Entry<String, FileToPush> entry : wanted.entrySet()) {
            if (!present.contains(entry.getKey())) {
                install(entry.getValue(), DEVICE_DIR + "/" + entry.getKey());
                pushed++;
            }
        }
        return new Deployment(agent.command(DEVICE_DIR + "/" + agentName(agent)), modelPaths, pushed);
    }

    private int installBundle(AgentBinary agent, String devicePath) {
        String temporary = devicePath + ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        List<String> dirs = new ArrayList<>();
        dirs.add(temporary);
        agent.files().stream().map(AgentFile::path).filter(p -> p.contains("/"))
                .map(p -> p.substring(0, p.lastIndexOf('/'))).distinct().forEach(dirs::add);
        shell.run(ShellCommand.script(MAKE_DIRS, dirs)).requireSuccess("creating " + temporary + " on " + shell.describe());
        List<String> modes = new ArrayList<>(List.of(temporary, devicePath));
        for (AgentFile file : agent.files()) {
            pusher.push(file.local(), temporary + "/" + file.path(), file.mode());
            modes.add(Integer.toOctalString(file.mode()));
            modes.add(file.path());
        }
        shell.run(ShellCommand.script(INSTALL_BUNDLE, modes))
                .requireSuccess("installing the agent bundle " + devicePath + " on " + shell.describe());
        return agent.files().size();
    }

    private record FileToPush(ContentFile file, int mode) {
    }

    private Set<String> existing(List<String> names) {
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
