package dev.lighttrack.bench.results;

import dev.lighttrack.bench.device.VirtualDeviceSession;
import dev.lighttrack.bench.run.BenchModel;
import dev.lighttrack.bench.run.RawRun;
import dev.lighttrack.bench.run.RoundCondition;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.run.TargetConditions;
import dev.lighttrack.bench.run.TargetInfo;
import dev.lighttrack.bench.stats.LatencySummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Assembles a run record from what the target, the runner and the statistics produced. */
public final class RunRecordFactory {
    public static final String HARNESS_VERSION = "0.1.0";

    private RunRecordFactory() {
    }

    public static RunRecord create(String id, Instant now, TargetInfo target, BenchModel model, RunSettings settings,
                                   RawRun raw, TargetConditions before, TargetConditions after,
                                   LatencySummary summary, RunRecord.Origin origin) {
        String note = !target.virtual() ? null
                : target.abi().equals(VirtualDeviceSession.hostAbi())
                ? "virtual device: the agent ran on this host (" + System.getProperty("os.arch")
                        + "); timings are of this host, not of the " + target.soc() + " its profile names"
                : "virtual device: the " + target.abi() + " agent ran under qemu-user emulation on this host ("
                        + System.getProperty("os.arch") + "); timings are emulated, meaningless as the " + target.soc()
                        + "'s";
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, now.toString(),
                new RunRecord.Device(target.serial(), target.profile(), target.model(), target.soc(), target.abi(),
                        target.virtual(), target.adbServer()),
                settings.backend(), settings.precision(),
                new RunRecord.Runner(raw.runnerVersion(), raw.engine(), raw.protocolVersion()),
                new RunRecord.Model(model.name(), model.arch(), model.sha256(), model.macs(), model.params(),
                        model.searchSize()),
                new RunRecord.Settings(settings.warmup(), settings.iterations(), settings.minSeconds(),
                        settings.threads(), settings.cpus(), settings.delayMs(), settings.rounds()),
                conditions(before), conditions(after),
                new RunRecord.Timings(raw.loadNs() == null ? null : raw.loadNs() / 1000.0,
                        raw.firstInferenceNs() == null ? null : raw.firstInferenceNs() / 1000.0),
                summary, raw.ops().stream().map(o -> new RunRecord.OpTime(o.node(), o.opType(), o.meanNs() / 1000.0))
                        .toList(), rounds(raw), id + ".hlog",
                new RunRecord.Host(HARNESS_VERSION, System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                note, origin);
    }

    private static List<RunRecord.Round> rounds(RawRun raw) {
        List<RunRecord.Round> rounds = new ArrayList<>();
        for (int r = 0; r < raw.roundConditions().size(); r++) {
            RoundCondition c = raw.roundConditions().get(r);
            rounds.add(new RunRecord.Round(r, c.conditions().temperaturesC(), c.conditions().clocksKhz(),
                    c.loadAverage1m(), c.excluded(), c.tooHot()));
        }
        return rounds;
    }

    private static RunRecord.Conditions conditions(TargetConditions c) {
        return new RunRecord.Conditions(c.temperaturesC(), c.clocksKhz());
    }
}
