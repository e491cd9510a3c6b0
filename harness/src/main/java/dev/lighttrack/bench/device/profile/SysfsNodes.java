package dev.lighttrack.bench.device.profile;

import java.util.Optional;

/**
 * The sysfs files a profile reads for clocks and battery. Units are in the names: CPU clocks in kHz (cpufreq),
 * GPU clock in Hz (kgsl {@code gpuclk}), battery level in percent, battery temperature in tenths of a °C.
 */
public record SysfsNodes(
        PerCoreSysfsNode cpuCurFreqKhz,
        Optional<PerCoreSysfsNode> cpuMaxFreqKhz,
        PerCoreSysfsNode cpuGovernor,
        Optional<SysfsNode> gpuCurFreqHz,
        Optional<SysfsNode> gpuGovernor,
        SysfsNode batteryLevel,
        SysfsNode batteryTempDeciC) {
    public static final String DEFAULT_BATTERY_LEVEL = "/sys/class/power_supply/battery/capacity";
    public static final String DEFAULT_BATTERY_TEMP = "/sys/class/power_supply/battery/temp";

    /** The battery nodes every Android kernel has, for devices that match no profile. */
    public static SysfsNode defaultBatteryLevel() {
        return new SysfsNode(DEFAULT_BATTERY_LEVEL, Optional.empty());
    }

    public static SysfsNode defaultBatteryTemp() {
        return new SysfsNode(DEFAULT_BATTERY_TEMP, Optional.empty());
    }
}
