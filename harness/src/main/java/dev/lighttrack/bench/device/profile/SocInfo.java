package dev.lighttrack.bench.device.profile;

/** The chip a profile describes, for reports: marketing name, part number, GPU and DSP. */
public record SocInfo(String name, String part, String gpu, String dsp) {
}
