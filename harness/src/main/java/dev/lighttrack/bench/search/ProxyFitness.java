package dev.lighttrack.bench.search;

import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.List;

/**
 * Built-in fitness proxies, labelled as such and never as accuracy: {@code macs} (the most computation that fits
 * the budget: a capacity proxy) and {@code params}, counted at the search's input sizes.
 */
public final class ProxyFitness implements Fitness {
    public enum Kind { MACS, PARAMS }

    private final Kind kind;
    private final int searchSize;
    private final int templateSize;

    public ProxyFitness(Kind kind, int searchSize, int templateSize) {
        this.kind = kind;
        this.searchSize = searchSize;
        this.templateSize = templateSize;
    }

    @Override
    public List<Double> score(List<Architecture> archs) {
        return archs.stream().map(a -> {
            var cost = SubnetBuilder.search(a, searchSize, templateSize).cost();
            return (double) (kind == Kind.MACS ? cost.macs() : cost.params());
        }).toList();
    }

    @Override
    public String describe() {
        return (kind == Kind.MACS ? "macs" : "params") + " (a capacity proxy, not accuracy)";
    }
}
