package dev.lighttrack.bench.space;

import java.util.List;

/** A named group of units (a backbone stage, the neck, the fusor, a tower, a prediction). */
public record Section(String name, List<NetUnit> units) {
    public Section {
        units = List.copyOf(units);
    }

    public Cost cost() {
        return units.stream().map(NetUnit::cost).reduce(Cost.ZERO, Cost::plus);
    }

    public TensorShape output() {
        return units.get(units.size() - 1).output();
    }
}
