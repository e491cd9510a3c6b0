package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.device.AdbServerAddress;
import dev.lighttrack.bench.device.AdbServers;
import dev.lighttrack.bench.errors.BenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The adb options shared by every command that talks to devices. */
public final class AdbOptions {
    @Option(names = "--adb", paramLabel = "HOST:PORT", converter = AddressConverter.class,
            description = "An adb server to use (repeatable, e.g. one per lab host). Default: this machine's server "
                    + "(localhost:$ANDROID_ADB_SERVER_PORT or 5037), started when it is not running. Servers given "
                    + "here are never started.")
    List<AdbServerAddress> servers = new ArrayList<>();

    @Option(names = "--adb-binary", paramLabel = "PATH",
            description = "The adb executable that starts the local server. Default: adb on PATH, then "
                    + "$ANDROID_HOME/platform-tools/adb.")
    Path adbBinary;

    /** The servers to use, each checked to answer (the local default started when needed). */
    public AdbServers prepare() {
        return AdbServers.prepare(servers, adbBinary);
    }

    /** Parses --adb values so that a bad one is a usage error naming the option. */
    static final class AddressConverter implements CommandLine.ITypeConverter<AdbServerAddress> {
        @Override
        public AdbServerAddress convert(String value) {
            try {
                return AdbServerAddress.parse(value);
            } catch (BenchException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
