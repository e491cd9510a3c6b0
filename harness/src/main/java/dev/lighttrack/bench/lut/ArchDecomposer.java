package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.HeadLayerChoice;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.Section;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.TowerLayerUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a per-frame subnet into lookup-table ops: one per backbone block, tower layer and prediction, and
 * the whole fusion path (neck, correlation, channel attention, adjust) as one. Skip layers cost nothing
 * and have no entry.
 */
public final class ArchDecomposer {
    private ArchDecomposer() {
    }

    public static List<LutOp> decompose(Subnet subnet) {
        List<LutOp> ops = new ArrayList<>();
        for (Section s : subnet.sections()) {
            if (s.name().equals("neck")) {
                continue;
            }
            if (s.name().equals("fusor")) {
                List<NetUnit> chain = new ArrayList<>(subnet.section("neck").units());
                chain.addAll(s.units());
                ops.add(LutOp.of(chain));
                continue;
            }
            for (NetUnit u : s.units()) {
                if (u instanceof TowerLayerUnit t && t.choice() == HeadLayerChoice.SKIP) {
                    continue;
                }
                ops.add(LutOp.of(List.of(u)));
            }
        }
        return ops;
    }
}
