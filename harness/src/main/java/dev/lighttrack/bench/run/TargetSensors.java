package dev.lighttrack.bench.run;

import dev.lighttrack.bench.device.DeviceShell;
import dev.lighttrack.bench.device.ThermalGate;
import dev.lighttrack.bench.device.ThermalReader;
import dev.lighttrack.bench.device.profile.DeviceProfile;

/** A target's temperatures and clocks, read through its shell where its profile says they are. */
final class TargetSensors {
    private final DeviceShell shell;
    private final DeviceProfile profile;

    TargetSensors(DeviceShell shell, DeviceProfile profile) {
        this.shell = shell;
        this.profile = profile;
    }

    TargetConditions conditions() {
        return ConditionsReader.read(shell, profile);
    }

    /** Read as a round of an interleaved run begins. */
    RoundCondition round() {
        return ConditionsReader.readRound(shell, profile);
    }

    /** Waits (bounded) until the profile's thermal limits allow measuring; {@code who} names the target. */
    void awaitCool(String who, RunProgress progress) {
        new ThermalGate(new ThermalReader(shell), profile).await(who, progress::say);
    }
}
