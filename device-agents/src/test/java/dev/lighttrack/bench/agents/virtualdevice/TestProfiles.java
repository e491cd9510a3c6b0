package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.file.Path;
import java.util.Map;

/** A Snapdragon 845 profile as the harness would build it, with this host's real ABI. */
final class TestProfiles {

    static final String PRODUCT = "lighttrack_sd845";
    static final String MODEL = "LightTrack_Virtual_SD845";
    static final String DEVICE = "sd845_virtual";

    private TestProfiles() {
    }

    static VirtualDeviceConfig sd845(Path sandbox) {
        return new VirtualDeviceConfig(PRODUCT, MODEL, DEVICE,
                Map.of("ro.board.platform", "sdm845",
                        "ro.soc.model", "SDM845",
                        "ro.product.cpu.abi", hostAbi()),
                Map.of("/sys/class/thermal/thermal_zone0/temp", "41000",
                        "/sys/devices/system/cpu/cpu4/cpufreq/scaling_cur_freq", "2803200",
                        "/sys/class/power_supply/battery/capacity", "100"),
                sandbox, 0, java.util.List.of(TestAdbKey.publicKey(TestAdbKey.trusted())), null);
    }

    static String hostAbi() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "arm64-v8a";
            default -> System.getProperty("os.arch");
        };
    }

    /** POSIX single-quoting, as the harness quotes every argument. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
