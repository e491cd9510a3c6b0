package dev.lighttrack.bench.run;

/** What every target shares: who it is and the sensors its profile names (read through its shell). */
abstract class SensedTarget implements BenchmarkTarget {
    protected final TargetInfo info;
    protected final TargetSensors sensors;

    SensedTarget(TargetInfo info, TargetSensors sensors) {
        this.info = info;
        this.sensors = sensors;
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    @Override
    public TargetConditions conditions() {
        return sensors.conditions();
    }
}
