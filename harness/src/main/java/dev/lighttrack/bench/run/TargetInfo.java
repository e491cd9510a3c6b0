package dev.lighttrack.bench.run;

/**
 * The device a benchmark runs on, as recorded. A {@code virtual} target runs the agent on this host:
 * its timings are of this host, not of the SoC its profile names.
 */
public record TargetInfo(String serial, String profile, String model, String soc, String abi, boolean virtual,
                         String adbServer) {
}
