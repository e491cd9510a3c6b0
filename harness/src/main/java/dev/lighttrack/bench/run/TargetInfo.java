package dev.lighttrack.bench.run;

/**
 * The device a benchmark runs on, as recorded. A {@code virtual} target runs the agent on this host:
 * its timings are of this host, not of the SoC its profile names. {@code build} is the device's build
 * fingerprint ({@code ro.build.fingerprint}; the OS and kernel for the host), null when unknown: latency
 * tables are keyed by it because a system update can change kernels and drivers.
 */
public record TargetInfo(String serial, String profile, String model, String soc, String abi, boolean virtual,
                         String adbServer, String build) {
    /** A target whose build is not known. */
    public TargetInfo(String serial, String profile, String model, String soc, String abi, boolean virtual,
                      String adbServer) {
        this(serial, profile, model, soc, abi, virtual, adbServer, null);
    }
}
