package dev.lighttrack.bench.space;

import java.util.List;

/**
 * A concrete network of the space at given input sizes. The {@link Part#SEARCH} part is the per-frame model
 * (search branch, neck, fusor, heads; template features precomputed); {@link Part#TEMPLATE} is the template
 * branch alone (backbone on the template crop).
 */
public record Subnet(Architecture arch, Part part, int inputSize, int templateSize, List<Section> sections) {
    public enum Part {
        SEARCH, TEMPLATE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Subnet {
        sections = List.copyOf(sections);
    }

    public List<NetUnit> units() {
        return sections.stream().flatMap(s -> s.units().stream()).toList();
    }

    public Cost cost() {
        return sections.stream().map(Section::cost).reduce(Cost.ZERO, Cost::plus);
    }

    public TensorShape input() {
        return new TensorShape(3, inputSize, inputSize);
    }

    public Section section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section " + name));
    }
}
