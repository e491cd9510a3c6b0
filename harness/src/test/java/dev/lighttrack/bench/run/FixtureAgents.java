package dev.lighttrack.bench.run;

import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.device.deploy.AgentBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Agents for fault tests: shell scripts that print runner protocol lines, packaged like the real agent
 * (classpath resource {@code agents/<abi>/ltrunner}). Their numbers are made up: they test the host's handling of
 * the protocol, never measure anything.
 */
public final class FixtureAgents {
    /** Prints a header with the model's real sha256, three samples and a summary per model; logs start/end times. */
    public static final String OK = """
            #!/bin/sh
            # fixture agent: protocol lines with made-up samples (not a measurement)
            dir=$(dirname "$0"); model=; manifest=; pause=0
            printf '%s\\n' "$@" > "$dir/last-args"
            while [ $# -gt 0 ]; do case "$1" in
              --model) model=$2; shift;; --manifest) manifest=$2; shift;; --delay-ms) pause=$2; shift;;
            esac; shift; done
            one() {
              sha=$(sha256sum "$1" | cut -d' ' -f1) || exit 3
              printf '{"type":"header","protocol_version":1,"runner_version":"fixture-1","engine":"xnnpack","backend":"cpu","model":"%s","model_sha256":"%s","load_ns":1000}\\n' "$1" "$sha"
              echo "start $(date +%s%N)" >> "$dir/runs.log"
              sleep "$pause"   # seconds here: the fixture stretches the run so overlaps would show
              echo "end $(date +%s%N)" >> "$dir/runs.log"
              printf '{"type":"samples","model":"%s","offset":0,"ns":[1000000,2000000,3000000]}\\n' "$1"
              printf '{"type":"op","model":"%s","node":"conv_0","op_type":"Conv","ns":500000,"device_time":false}\\n' "$1"
              printf '{"type":"summary","model":"%s","iterations":3,"first_inference_ns":5000000}\\n' "$1"
            }
            if [ -n "$manifest" ]; then
              while read -r m; do [ -n "$m" ] && one "$m"; done < "$manifest"
            else
              one "$model"
            fi
            exit 0
            """;

    /** Refuses the model the way the runner refuses an unsupported op. */
    public static final String ERROR = """
            #!/bin/sh
            printf '{"type":"header","protocol_version":1,"runner_version":"fixture-1","engine":"xnnpack","backend":"cpu"}\\n'
            printf '{"type":"error","model":"%s","code":"unsupported","message":"op LSTM (node lstm_0) is not supported by the cpu backend; supported: Conv, Relu, Add"}\\n' "$2"
            exit 4
            """;

    /** Starts a run and then never finishes (for unplugging the device under it). */
    public static final String HANG = """
            #!/bin/sh
            printf '{"type":"header","protocol_version":1,"runner_version":"fixture-1","engine":"xnnpack","backend":"cpu"}\\n'
            printf '{"type":"samples","offset":0,"ns":[1000000]}\\n'
            echo started > "$(dirname "$0")/hang.started"
            sleep 60
            """;

    /** Dies without saying why. */
    public static final String CRASH = """
            #!/bin/sh
            echo 'Segmentation fault' >&2
            exit 139
            """;

    private FixtureAgents() {
    }

    /** Agent binaries holding {@code script} as the agent for this host's ABI. */
    public static AgentBinaries with(Path dir, String script) {
        try {
            Path file = dir.resolve("agents").resolve(VirtualDeviceSession.hostAbi()).resolve("ltrunner");
            Files.createDirectories(file.getParent());
            Files.writeString(file, script);
            return new AgentBinaries(new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
