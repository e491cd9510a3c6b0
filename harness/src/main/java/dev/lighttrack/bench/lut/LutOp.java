package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.Cost;
import dev.lighttrack.bench.space.NetUnit;
import java.util.List;

/**
 * One measurable entry of a lookup table: a single unit, or a chain that a runtime may fuse and that is
 * therefore measured as a whole (the BN neck, correlation, channel attention and adjust).
 */
public record LutOp(OpSignature signature, List<NetUnit> units) {
    public LutOp {
        units = List.copyOf(units);
    }

    public static LutOp of(List<NetUnit> units) {
        return new LutOp(OpSignature.of(units), units);
    }

    public Cost cost() {
        return units.stream().map(NetUnit::cost).reduce(Cost.ZERO, Cost::plus);
    }
}
