package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.session.TargetSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a measuring command measures: one definition of --device, --serial and the adb options. */
final class TargetOptions {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "SPEC",
            description = "A profile name (sd845: every attached device it matches), host (this machine, in-process),"
                    + " virtual:PROFILE (a virtual device started for this run) or auto (the only attached device,"
                    + " else this host). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--serial", paramLabel = "S", description = "Only the attached device with this serial.")
    String serial;

    @Mixin
    AdbOptions adb;

    TargetSpec spec() {
        return new TargetSpec(device, serial, adb.servers, adb.adbBinary);
    }
}
