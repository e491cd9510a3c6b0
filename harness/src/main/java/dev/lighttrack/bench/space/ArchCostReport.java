package dev.lighttrack.bench.space;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** {@code bench arch info}: the costs of one architecture, whole, per section and per layer (thop rules). */
public record ArchCostReport(String arch, String preset, int backboneBudgetMmacs, int searchSize, int templateSize,
                             long macs, long params, MacsBreakdown macsBreakdown, long correlationMacs, String counting,
                             Output output, TemplateBranch templateBranch, List<SectionCost> stages,
                             List<LayerCost> layers) {
    static final String COUNTING = "thop rules, MACs (not 2xMACs); per-frame model with template features precomputed;"
            + " correlation matmul not in macs";

    public record MacsBreakdown(long conv, long convBias, long bn, long pool) {
    }

    public record Output(int stage, int block, int channels, int stride, int scoreMap) {
    }

    public record TemplateBranch(long macs, long params, String features) {
    }

    public record SectionCost(String name, String output, long macs, long params) {
    }

    /** {@code correlation_macs} only on the layers that have a correlation. */
    public record LayerCost(String name, String section, String kind, String input, String output, long macs,
                            long params, @JsonInclude(JsonInclude.Include.NON_NULL) Long correlationMacs) {
    }

    public static ArchCostReport of(Architecture arch, int searchSize, int templateSize) {
        Subnet search = SubnetBuilder.search(arch, searchSize, templateSize);
        Subnet template = SubnetBuilder.template(arch, templateSize);
        Cost c = search.cost();
        List<SectionCost> stages = new ArrayList<>();
        List<LayerCost> layers = new ArrayList<>();
        for (Section s : search.sections()) {
            stages.add(new SectionCost(s.name(), s.output().toString(), s.cost().macs(), s.cost().params()));
            for (NetUnit u : s.units()) {
                long corr = u.cost().correlationMacs();
                layers.add(new LayerCost(u.name(), s.name(), u.kind(), u.input().toString(), u.output().toString(),
                        u.cost().macs(), u.cost().params(), corr > 0 ? corr : null));
            }
        }
        Cost t = template.cost();
        return new ArchCostReport(ArchStringCodec.format(arch), ArchPresets.nameOf(arch),
                arch.space().backboneBudgetMacsM(), search.inputSize(), search.templateSize(), c.macs(), c.params(),
                new MacsBreakdown(c.convMacs(), c.convBiasOps(), c.bnMacs(), c.poolMacs()), c.correlationMacs(),
                COUNTING,
                new Output(arch.output().stage(), arch.output().block(), arch.outputChannels(), arch.outputStride(),
                        search.section("cls_pred").output().height()),
                new TemplateBranch(t.macs(), t.params(),
                        template.sections().get(template.sections().size() - 1).output().toString()),
                stages, layers);
    }
}
