package dev.lighttrack.bench.device;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.SysfsNode;
import dev.lighttrack.bench.device.profile.SysfsNodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the profile's CPU clock, governor and GPU clock nodes for all cores in one shell call. */
public final class ClockReader {
    /*
     * Arguments: sysfs paths. Output: "N<TAB>FIRST LINE" for the Nth path, an empty value when unreadable (by position,
     * not path: a virtual device rewrites paths, so echoed paths need not match).
     */
    private static final String SCRIPT = String.join("\n",
            "i=0; for p in \"$@\"; do i=$((i+1)); v=; { read -r v < \"$p\"; } 2>/dev/null; printf '%s\\t%s\\n' \"$i\" \"$v\"; done",
            "exit 0");

    private final DeviceShell shell;
    private final Clock clock;

    public ClockReader(DeviceShell shell) {
        this(shell, Clock.systemUTC());
    }

    public ClockReader(DeviceShell shell, Clock clock) {
        this.shell = shell;
        this.clock = clock;
    }

    public ClockSnapshot read(DeviceProfile profile) {
        SysfsNodes nodes = profile.sysfs();
        List<Integer> cores = profile.allCores();
        Set<String> paths = new LinkedHashSet<>();
        for (int core : cores) {
            paths.add(nodes.cpuCurFreqKhz().path(core));
            nodes.cpuMaxFreqKhz().ifPresent(n -> paths.add(n.path(core)));
            paths.add(nodes.cpuGovernor().path(core));
        }
        nodes.gpuCurFreqHz().ifPresent(n -> paths.add(n.path()));
        nodes.gpuGovernor().ifPresent(n -> paths.add(n.path()));
        Map<String, String> values = paths.isEmpty() ? Map.of() : readAll(new ArrayList<>(paths));

        List<CoreClock> clocks = new ArrayList<>();
        for (int core : cores) {
            clocks.add(new CoreClock(core,
                    number(values.get(nodes.cpuCurFreqKhz().path(core))),
                    nodes.cpuMaxFreqKhz().flatMap(n -> number(values.get(n.path(core)))),
                    text(values.get(nodes.cpuGovernor().path(core)))));
        }
        return new ClockSnapshot(clock.instant(), clocks,
                nodes.gpuCurFreqHz().map(SysfsNode::path).flatMap(p -> number(values.get(p))),
                nodes.gpuGovernor().map(SysfsNode::path).flatMap(p -> text(values.get(p))));
    }

    private Map<String, String> readAll(List<String> paths) {
        ShellResult result = shell.run(ShellCommand.script(SCRIPT, paths)).requireSuccess("reading clocks on " + shell.describe());
        Map<String, String> values = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                try {
                    int index = Integer.parseInt(line.substring(0, tab)) - 1;
                    if (index >= 0 && index < paths.size()) {
                        values.putIfAbsent(paths.get(index), line.substring(tab + 1).trim());
                    }
                } catch (NumberFormatException e) {
                    // not a line of ours (a shell profile printing something): ignore it
                }
            }
        }
        return values;
    }

    private static Optional<String> text(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Long> number(String value) {
        try {
            return text(value).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
