package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.Cost;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.Section;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The costs of one architecture as a JSON-ready map and as a text table. */
final class ArchReport {
    private final Architecture arch;
    private final Subnet search;
    private final Subnet template;

    ArchReport(Architecture arch, int searchSize, int templateSize) {
        this.arch = arch;
        this.search = SubnetBuilder.search(arch, searchSize, templateSize);
        this.template = SubnetBuilder.template(arch, templateSize);
    }

    Map<String, Object> toMap() {
        Cost c = search.cost();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", ArchStringCodec.format(arch));
        m.put("preset", ArchPresets.nameOf(arch));
        m.put("backbone_budget_mmacs", arch.space().backboneBudgetMacsM());
        m.put("search_size", search.inputSize());
        m.put("template_size", search.templateSize());
        m.put("macs", c.macs());
        m.put("params", c.params());
        m.put("macs_breakdown", Map.of("conv", c.convMacs(), "conv_bias", c.convBiasOps(), "bn", c.bnMacs(),
                "pool", c.poolMacs()));
        m.put("correlation_macs", c.correlationMacs());
        m.put("counting", "thop rules, MACs (not 2xMACs); per-frame model with template features precomputed;"
                + " correlation matmul not in macs");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", arch.output().stage());
        out.put("block", arch.output().block());
        out.put("channels", arch.outputChannels());
        out.put("stride", arch.outputStride());
        out.put("score_map", search.section("cls_pred").output().height());
        m.put("output", out);
        m.put("template_branch", Map.of("macs", template.cost().macs(), "params", template.cost().params(),
                "features", template.sections().get(template.sections().size() - 1).output().toString()));
        List<Map<String, Object>> stages = new ArrayList<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Section s : search.sections()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("output", s.output().toString());
            row.put("macs", s.cost().macs());
            row.put("params", s.cost().params());
            stages.add(row);
            for (NetUnit u : s.units()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("name", u.name());
                l.put("section", s.name());
                l.put("kind", u.kind());
                l.put("input", u.input().toString());
                l.put("output", u.output().toString());
                l.put("macs", u.cost().macs());
                l.put("params", u.cost().params());
                if (u.cost().correlationMacs() > 0) {
                    l.put("correlation_macs", u.cost().correlationMacs());
                }
                layers.add(l);
            }
        }
        m.put("stages", stages);
        m.put("layers", layers);
        return m;
    }

    String toText() {
        Cost c = search.cost();
        StringBuilder sb = new StringBuilder();
        String preset = ArchPresets.nameOf(arch);
        sb.append("arch      ").append(ArchStringCodec.format(arch)).append(preset == null ? "" : " (" + preset + ")")
                .append('\n');
        sb.append(String.format(Locale.ROOT, "input     search %d, template %d; output stage %d block %d (c%d, stride %d)%n",
                search.inputSize(), search.templateSize(), arch.output().stage(), arch.output().block(),
                arch.outputChannels(), arch.outputStride()));
        sb.append(String.format(Locale.ROOT, "MACs      %s per frame (thop rules; + %s correlation matmul not counted by thop)%n",
                mega(c.macs()), mega(c.correlationMacs())));
        sb.append(String.format(Locale.ROOT, "params    %s%n", mega(c.params())));
        sb.append(String.format(Locale.ROOT, "template  %s MACs, %s params (runs once per sequence)%n%n",
                mega(template.cost().macs()), mega(template.cost().params())));
        sb.append(String.format(Locale.ROOT, "%-12s %-12s %10s %10s%n", "section", "output", "MACs", "params"));
        for (Section s : search.sections()) {
            sb.append(String.format(Locale.ROOT, "%-12s %-12s %10s %10s%n", s.name(), s.output(),
                    mega(s.cost().macs()), mega(s.cost().params())));
        }
        return sb.toString();
    }

    static String mega(long v) {
        return String.format(Locale.ROOT, "%.3fM", v / 1e6);
    }
}
