package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.NetUnit;
import java.util.List;

/**
 * The key of one lookup-table entry: the kinds of the units it covers and the real input shape. Two entries
 * with the same signature run the same computation, whatever subnet they come from.
 */
public record OpSignature(String value) implements Comparable<OpSignature> {
    public static OpSignature of(List<NetUnit> units) {
        StringBuilder kinds = new StringBuilder();
        for (NetUnit u : units) {
            if (kinds.length() > 0) {
                kinds.append('+');
            }
            kinds.append(u.kind());
        }
        NetUnit first = units.get(0);
        NetUnit last = units.get(units.size() - 1);
        return new OpSignature(kinds + "@" + first.input() + "->" + last.output());
    }

    @Override
    public int compareTo(OpSignature o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
